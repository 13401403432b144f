// RUN: %check_fixes %s %t -- --rules=zeroed-page -- -isystem %refimpl_include
// An installed table that is also kept in a field (as x86 kexec keeps its
// transition tables in image->arch) or in another variable is freed through
// that copy by code the rule does not follow (free_transition_pgtable()):
// converting the allocation alone would leave the page on free_page(). The
// allocation is refused; the free, with no evidence of its own, is refused
// too, so the object stays whole on the old API.
#include <linux/mm.h>

struct transition {
	pmd_t *pmd;
};

int init_transition(struct transition *t, pud_t *pud)
{
	pmd_t *pmd = (pmd_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: 'get_zeroed_page(GFP_KERNEL)': 'pmd' is also stored in 't->pmd' at line [[@LINE+4]], and a free of the page through that copy cannot be followed: converting the allocation alone could leave the page freed with free_page() [zeroed-page]

	if (!pmd)
		return -1;
	t->pmd = pmd;
	set_pud(pud, __pud(__pa(pmd) | _KERNPG_TABLE));
	return 0;
}

void free_transition(struct transition *t)
{
	free_page((unsigned long)t->pmd);
// CHECK-MESSAGES: :[[@LINE-1]]:2: warning: not converted: 'free_page((unsigned long)t->pmd)': no page-table evidence: 't->pmd' is not the start of a table read from a page-table entry [zeroed-page]
}

static pte_t *spare_pte;

int install_pte(pmd_t *pmd)
{
	pte_t *pte = (pte_t *)get_zeroed_page(GFP_KERNEL);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: not converted: 'get_zeroed_page(GFP_KERNEL)': 'pte' is also stored in 'spare_pte' at line [[@LINE+4]], and a free of the page through that copy cannot be followed: converting the allocation alone could leave the page freed with free_page() [zeroed-page]

	if (!pte)
		return -1;
	spare_pte = pte;
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
	return 0;
}
