package jp.ikiiki.desk.printing.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import jp.ikiiki.desk.printing.CharacterDecisions;
import jp.ikiiki.desk.printing.MissingCustomerBarcode;
import jp.ikiiki.desk.printing.PrintFiles;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.printing.UnprintableText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * {@link PrintFiles}: the layouts, the renderer and the recorded decisions (read once per call for the items' people).
 * The caller audits what it prints (it knows why: a mailing batch, a sample).
 */
@Service
class PrintFileService implements PrintFiles {

	private final FormLayouts layouts;
	private final FormRenderer renderer;
	private final CharacterDecisions decisions;

	PrintFileService(FormLayouts layouts, FormRenderer renderer, CharacterDecisions decisions) {
		this.layouts = layouts;
		this.renderer = renderer;
		this.decisions = decisions;
	}

	@Override
	@PreAuthorize("hasRole('OPERATOR')")
	public List<UnprintableText> undecided(String form, List<PrintItem> items) {
		FormLayout layout = layouts.get(form);
		return renderer.undecided(layout, items, decisionsFor(items));
	}

	@Override
	@PreAuthorize("hasRole('OPERATOR')")
	public void render(String form, List<PrintItem> items, OutputStream out) throws IOException {
		FormLayout layout = layouts.get(form);
		renderer.render(layout, items, decisionsFor(items), out);
	}

	@Override
	@PreAuthorize("hasRole('OPERATOR')")
	public List<MissingCustomerBarcode> withoutCustomerBarcode(String form, List<PrintItem> items) {
		return renderer.withoutCustomerBarcode(layouts.get(form), items);
	}

	@Override
	public Set<String> forms() {
		return layouts.forms();
	}

	@Override
	public java.util.Map<String, String> formTitles() {
		var titles = new java.util.LinkedHashMap<String, String>();
		for (String form : layouts.forms()) {
			titles.put(form, layouts.get(form).title());
		}
		return titles;
	}

	private DecisionSet decisionsFor(List<PrintItem> items) {
		return DecisionSet.of(decisions.applying(items.stream().map(PrintItem::subjectId).toList()));
	}
}
