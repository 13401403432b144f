#!/usr/bin/env python3
"""Check docs/kubernetes-shards.yaml and run its commands locally.

    check_kubernetes_job.py --tool TOOL --tree DIR --databases "-p DB..."
                            --facts DIR MANIFEST

The manifest must hold an Indexed Job of shards and a Job that merges
them, agreeing on the image, the shard count (completions = parallelism =
SHARDS), the environment and the volumes' mount paths. Then each shard pod's
command runs here with sh (JOB_COMPLETION_INDEX set, the tree, databases and
facts volume replaced by local ones, TOOL as pgtable-migrate on PATH), and
the merge pod's after them; any failure exits 1 with the reason.
"""

import argparse
import os
import subprocess
import sys
import tempfile

import yaml


def fail(message):
    sys.exit("check_kubernetes_job: " + message)


def container_of(job, name):
    spec = job["spec"]["template"]["spec"]
    if spec.get("restartPolicy") != "Never":
        fail("%s: restartPolicy must be Never (a pod that fails is retried "
             "by the Job's backoffLimit, not restarted in place)" % name)
    containers = spec["containers"]
    if len(containers) != 1:
        fail("%s: expected one container" % name)
    return spec, containers[0]


def env_of(container):
    return {e["name"]: e["value"] for e in container.get("env", [])}


def mounts_of(spec, container):
    claims = {v["name"]: v["persistentVolumeClaim"]["claimName"]
              for v in spec["volumes"]}
    return {m["mountPath"]: claims[m["name"]]
            for m in container["volumeMounts"]}


def run(command, env, what):
    result = subprocess.run(["sh", "-c", command], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            universal_newlines=True)
    if result.returncode != 0:
        fail("%s exited %d:\n%s%s" % (what, result.returncode,
                                      result.stdout, result.stderr))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tool", required=True)
    parser.add_argument("--tree", required=True)
    parser.add_argument("--databases", required=True)
    parser.add_argument("--facts", required=True)
    parser.add_argument("manifest")
    args = parser.parse_args()

    with open(args.manifest, encoding="utf-8") as f:
        docs = [d for d in yaml.safe_load_all(f) if d]
    if len(docs) != 2 or any(d.get("apiVersion") != "batch/v1" or
                             d.get("kind") != "Job" for d in docs):
        fail("expected two batch/v1 Jobs (the shards, the merge)")
    shards, merge = docs
    if shards["spec"].get("completionMode") != "Indexed":
        fail("the shards' Job must be Indexed (JOB_COMPLETION_INDEX)")
    shard_spec, shard = container_of(shards, "shards")
    merge_spec, merger = container_of(merge, "merge")
    shard_env, merge_env = env_of(shard), env_of(merger)
    count = int(shard_env["SHARDS"])
    if not (shards["spec"]["completions"] == shards["spec"]["parallelism"]
            == count):
        fail("completions and parallelism must both be SHARDS (%d)" % count)
    if shard_env != merge_env:
        fail("the shards and the merge must run with the same environment")
    if shard["image"] != merger["image"]:
        fail("the shards and the merge must run the same image (shard files "
             "name the tool's build)")
    mounts = mounts_of(shard_spec, shard)
    if mounts != mounts_of(merge_spec, merger):
        fail("the shards and the merge must mount the same volumes at the "
             "same paths (shard files name units by path)")
    for var in ("TREE", "FACTS"):
        if shard_env[var] not in mounts:
            fail("%s (%s) is not a mounted volume" % (var, shard_env[var]))
    for db in shard_env["DATABASES"].split():
        if db != "-p" and not db.startswith(shard_env["TREE"] + "/"):
            fail("database %s is not on the tree volume" % db)

    bin_dir = tempfile.mkdtemp(prefix="k8s-job-bin-")
    os.symlink(os.path.abspath(args.tool),
               os.path.join(bin_dir, "pgtable-migrate"))
    local = dict(os.environ, SHARDS=str(count), TREE=args.tree,
                 DATABASES=args.databases, FACTS=args.facts,
                 PATH=bin_dir + os.pathsep + os.environ["PATH"])
    os.makedirs(args.facts, exist_ok=True)
    for index in range(count):
        command = shard["command"]
        if command[:2] != ["sh", "-c"]:
            fail("the shard's command must be sh -c SCRIPT")
        run(command[2], dict(local, JOB_COMPLETION_INDEX=str(index)),
            "shard pod %d" % index)
    result = run(merger["command"][2], local, "the merge pod")
    sys.stdout.write(result.stdout)


if __name__ == "__main__":
    main()
