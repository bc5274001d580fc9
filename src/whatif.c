/*
 * whatif.c - what-if experiments: a changed copy of the evaluation, scored
 * again by the same scorer under the same rule set.
 */
#include "jixiao/whatif.h"

#include "jixiao/common.h"

#include <stdlib.h>
#include <string.h>

int jx_whatif_reverse(jx_whatif *out, const jx_result *base, const size_t *leaves, size_t n,
		      jx_diags *diags)
{
	int rc;
	memset(out, 0, sizeof(*out));
	out->label = "成本指标按反向指标计分";
	if ((rc = jx_doc_clone(&out->doc, base->doc, diags)) != 0)
		return rc;
	for (size_t i = 0; i < n; i++)
		if (leaves[i] < out->doc->nleaves)
			out->doc->leaves[leaves[i]]->direction = JX_DIR_REVERSE;
	if ((rc = jx_score_run(&out->result, out->doc, base->rules, diags)) != 0 ||
	    (rc = jx_dec_sub(&out->delta, out->result->total, base->total)) != 0)
		jx_whatif_release(out);
	return rc;
}

int jx_whatif_from_findings(jx_whatif *out, size_t max, const jx_result *base,
			    const jx_findings *f, jx_diags *diags)
{
	size_t *leaves = malloc((f->count ? f->count : 1) * sizeof(*leaves)), n = 0;
	int rc;
	if (!leaves)
		return JX_ENOMEM;
	for (size_t i = 0; i < f->count; i++)
		if (strcmp(f->items[i].code, "cost-direction") == 0 && f->items[i].node)
			leaves[n++] = f->items[i].node->index;
	rc = 0;
	if (n > 0 && max > 0)
		rc = jx_whatif_reverse(&out[0], base, leaves, n, diags) == 0 ? 1 : JX_EINVAL;
	free(leaves);
	return rc;
}

void jx_whatif_release(jx_whatif *w)
{
	jx_result_free(w->result);
	jx_doc_free(w->doc);
	memset(w, 0, sizeof(*w));
}
