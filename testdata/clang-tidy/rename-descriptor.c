// pgtable-rename-descriptor: the AST half of rule rename-descriptor (the
// lexical tree scan is the CLI's alone), on with RenameDescriptorApi; the
// new name is DescriptorAllocName (the CLI's --rename-descriptor-api and
// --descriptor-alloc-name). pagetable_free() keeps its name.
// RUN: %check_tidy %s %t -- -checks='-*,pgtable-rename-descriptor' -config='{CheckOptions: {pgtable-rename-descriptor.RenameDescriptorApi: true}}' --
// RUN: %check_tidy --check-suffix=NAMED %s %t.named -- -checks='-*,pgtable-rename-descriptor' -config='{CheckOptions: {RenameDescriptorApi: true, DescriptorAllocName: pt_desc_alloc}}' --
// RUN: %check_tidy --check-suffix=BAD --expect-exit=1 %s %t.bad -- -checks='-*,pgtable-rename-descriptor' -config='{CheckOptions: {RenameDescriptorApi: true, DescriptorAllocName: pagetable_alloc}}' --
// RUN: %clang_tidy -load=%pgtable_tidy_plugin -checks='-*,pgtable-*' --dump-config | FileCheck %s --check-prefix=DUMP
typedef unsigned int gfp_t;
#define alloc_hooks(x) (x)
struct ptdesc;

struct ptdesc *pagetable_alloc_noprof(gfp_t gfp, unsigned int order);
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'pagetable_alloc_noprof' (the descriptor allocator): function prototype; renamed to 'ptdesc_alloc_noprof' [pgtable-rename-descriptor]
// CHECK-MESSAGES-NAMED: :[[@LINE-2]]:16: warning: {{.*}} renamed to 'pt_desc_alloc_noprof' [pgtable-rename-descriptor]
// CHECK-FIXES: {{^}}struct ptdesc *ptdesc_alloc_noprof(gfp_t gfp, unsigned int order);{{$}}
// CHECK-FIXES-NAMED: {{^}}struct ptdesc *pt_desc_alloc_noprof(gfp_t gfp, unsigned int order);{{$}}
#define pagetable_alloc(...) alloc_hooks(pagetable_alloc_noprof(__VA_ARGS__))
// CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'pagetable_alloc' (the descriptor allocator): function-like macro; renamed to 'ptdesc_alloc' [pgtable-rename-descriptor]
// CHECK-MESSAGES: :[[@LINE-2]]:42: warning: 'pagetable_alloc_noprof' (the descriptor allocator): use in the body of macro 'pagetable_alloc'; renamed to 'ptdesc_alloc_noprof' [pgtable-rename-descriptor]
// CHECK-MESSAGES-NAMED: :[[@LINE-3]]:9: warning: {{.*}} renamed to 'pt_desc_alloc' [pgtable-rename-descriptor]
// CHECK-MESSAGES-NAMED: :[[@LINE-4]]:42: warning: {{.*}} renamed to 'pt_desc_alloc_noprof' [pgtable-rename-descriptor]
// CHECK-FIXES: {{^}}#define ptdesc_alloc(...) alloc_hooks(ptdesc_alloc_noprof(__VA_ARGS__)){{$}}
// CHECK-FIXES-NAMED: {{^}}#define pt_desc_alloc(...) alloc_hooks(pt_desc_alloc_noprof(__VA_ARGS__)){{$}}
void pagetable_free(struct ptdesc *pt);
// CHECK-FIXES: {{^}}void pagetable_free(struct ptdesc *pt);{{$}}

struct ptdesc *table(void)
{
	struct ptdesc *pt = pagetable_alloc(0, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'pagetable_alloc' (the descriptor allocator): call; renamed to 'ptdesc_alloc' [pgtable-rename-descriptor]
// CHECK-MESSAGES-NAMED: :[[@LINE-2]]:22: warning: {{.*}} renamed to 'pt_desc_alloc' [pgtable-rename-descriptor]
// CHECK-FIXES: {{^}}	struct ptdesc *pt = ptdesc_alloc(0, 0);{{$}}
// CHECK-FIXES-NAMED: {{^}}	struct ptdesc *pt = pt_desc_alloc(0, 0);{{$}}

	pagetable_free(pt);
	return pt;
}

// CHECK-MESSAGES-BAD: error: pgtable-rename-descriptor: descriptor alloc name 'pagetable_alloc' must differ from 'pagetable_alloc' and not end in '_noprof' (its _noprof form follows it); the check does nothing [clang-tidy-config]

// DUMP-DAG: pgtable-rename-descriptor.DescriptorAllocName: ptdesc_alloc
// DUMP-DAG: pgtable-rename-descriptor.RenameDescriptorApi: 'false'
