package jp.ikiiki.desk.payments.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A 口座登録用紙's scan (the form and the bankbook copy) beside the keying fields, one page at a time, fitted to the
 * column; PageDown and PageUp turn the pages while the keyboard stays in the fields. A page is rendered (and its
 * showing audited) only when shown. What is wrong with a faulty form is shown above the image, where the keyer looks.
 */
class AccountFormViewer extends VerticalLayout {

	private final Div problems = new Div();
	private final Div frame = new Div();
	private final Span position = new Span();
	private IntFunction<byte[]> source;
	private int pages;
	private int page;

	AccountFormViewer(String prefix) {
		setPadding(false);
		setSpacing(false);
		setHeightFull();
		getStyle().set("min-height", "0").set("gap", "var(--lumo-space-xs)");
		position.setId(prefix + "-image-position");
		position.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
		problems.setId(prefix + "-image-problems");
		problems.getElement().setAttribute("role", "alert");
		problems.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "bold")
				.set("font-size", "var(--lumo-font-size-s)");
		problems.setVisible(false);
		frame.setId(prefix + "-image");
		frame.setWidthFull();
		frame.getStyle().set("flex", "1 1 auto").set("min-height", "0").set("overflow", "auto")
				.set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-m)")
				.set("display", "flex").set("justify-content", "center").set("align-items", "flex-start");
		add(position, problems, frame);
		Shortcuts.addShortcutListener(this, () -> turn(1), Key.PAGE_DOWN).allowBrowserDefault();
		Shortcuts.addShortcutListener(this, () -> turn(-1), Key.PAGE_UP).allowBrowserDefault();
		show(0, null, List.of());
	}

	/**
	 * Shows page 1 of {@code pages} (0: no image), with what is wrong with the form (empty: nothing).
	 */
	void show(int pages, IntFunction<byte[]> source, List<String> faults) {
		this.pages = pages;
		this.source = source;
		this.page = 1;
		problems.removeAll();
		problems.setVisible(!faults.isEmpty());
		if (!faults.isEmpty()) {
			problems.add(new Div(getTranslation("payments.key.image.faulty")));
			faults.forEach(f -> problems.add(new Div("・" + f)));
		}
		render();
	}

	private void turn(int delta) {
		int target = Math.max(1, Math.min(pages, page + delta));
		if (pages > 0 && target != page) {
			page = target;
			render();
		}
	}

	private void render() {
		frame.removeAll();
		if (pages == 0 || source == null) {
			position.setText(getTranslation("payments.key.image.none"));
			return;
		}
		position.setText(getTranslation("payments.key.image.position", page, pages));
		int shown = page;
		IntFunction<byte[]> from = source;
		var image = new Image(DownloadHandler.fromInputStream(event -> {
			byte[] png = from.apply(shown);
			return new DownloadResponse(new ByteArrayInputStream(png), "account-form-" + shown + ".png", "image/png",
					png.length);
		}), getTranslation("payments.key.image.alt", shown));
		image.getStyle().set("max-width", "100%").set("background", "white");
		image.getElement().setAttribute("data-page", String.valueOf(shown));
		frame.add(image);
	}
}
