//===- UnionFind.h - Disjoint sets of dense ids -----------------*- C++ -*-===//
//
// Union by size with path halving over ids 0..N-1. Which id represents a set
// depends on the order of the unions; callers that need a stable order sort
// the members, never the representatives.
//
//===----------------------------------------------------------------------===//

#ifndef PGMIGRATE_ANALYSIS_UNIONFIND_H
#define PGMIGRATE_ANALYSIS_UNIONFIND_H

#include <utility>
#include <vector>

namespace pgmigrate {

class UnionFind {
public:
  /// A new singleton set; returns its id.
  unsigned add() {
    Parent.push_back(Parent.size());
    Size.push_back(1);
    return Parent.size() - 1;
  }

  unsigned size() const { return Parent.size(); }

  unsigned find(unsigned Id) {
    while (Parent[Id] != Id) {
      Parent[Id] = Parent[Parent[Id]];
      Id = Parent[Id];
    }
    return Id;
  }

  void unite(unsigned A, unsigned B) {
    A = find(A);
    B = find(B);
    if (A == B)
      return;
    if (Size[A] < Size[B])
      std::swap(A, B);
    Parent[B] = A;
    Size[A] += Size[B];
  }

private:
  std::vector<unsigned> Parent;
  std::vector<unsigned> Size;
};

} // namespace pgmigrate

#endif // PGMIGRATE_ANALYSIS_UNIONFIND_H
