/* Assembly calls the C function by name: reported, never edited. */
	.text
early_table:
	call pagetable_alloc_noprof
	 nop
