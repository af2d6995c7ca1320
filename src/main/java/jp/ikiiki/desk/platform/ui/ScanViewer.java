package jp.ikiiki.desk.platform.ui;

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
 * A keyed form's scan beside the keying fields, one page at a time, fitted to the column; PageDown and PageUp turn the
 * pages while the keyboard stays in the fields. A page is rendered (and its showing audited, by the source) only when
 * shown. What is wrong with the form, if anything, is shown above the image, where the keyer looks.
 *
 * <p>Element ids: {@code <prefix>-image-position}, {@code <prefix>-image-problems}, {@code <prefix>-image} (the image
 * carries {@code data-page}). Labels: {@code <labels>.none}, {@code <labels>.position} ({0} page, {1} pages) and
 * {@code <labels>.alt} ({0} page) of the module's bundle.
 */
public class ScanViewer extends VerticalLayout {

	private final Div problems = new Div();
	private final Div frame = new Div();
	private final Span position = new Span();
	private final String labels;
	private final String file;
	private IntFunction<byte[]> source;
	private int pages;
	private int page;

	/**
	 * @param prefix the element ids' prefix (e.g. {@code payments-entry})
	 * @param labels the label keys' prefix (e.g. {@code payments.key.image})
	 * @param file   the name a shown page is served under, before {@code -<page>.png}
	 */
	public ScanViewer(String prefix, String labels, String file) {
		this.labels = labels;
		this.file = file;
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
		show(0, null);
	}

	/** Shows page 1 of {@code pages} (0: no image). */
	public void show(int pages, IntFunction<byte[]> source) {
		show(pages, source, null, List.of());
	}

	/**
	 * Shows page 1 of {@code pages} (0: no image), with what is wrong with the form under a heading (no problems:
	 * nothing shown).
	 */
	public void show(int pages, IntFunction<byte[]> source, String heading, List<String> faults) {
		this.pages = pages;
		this.source = source;
		this.page = 1;
		problems.removeAll();
		problems.setVisible(!faults.isEmpty());
		if (!faults.isEmpty()) {
			problems.add(new Div(heading));
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
			position.setText(getTranslation(labels + ".none"));
			return;
		}
		position.setText(getTranslation(labels + ".position", page, pages));
		int shown = page;
		IntFunction<byte[]> from = source;
		var image = new Image(DownloadHandler.fromInputStream(event -> {
			byte[] png = from.apply(shown);
			return new DownloadResponse(new ByteArrayInputStream(png), file + "-" + shown + ".png", "image/png",
					png.length);
		}), getTranslation(labels + ".alt", shown));
		image.getStyle().set("max-width", "100%").set("background", "white");
		image.getElement().setAttribute("data-page", String.valueOf(shown));
		frame.add(image);
	}
}
