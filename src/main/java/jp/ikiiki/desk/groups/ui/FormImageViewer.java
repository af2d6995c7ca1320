package jp.ikiiki.desk.groups.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.IntFunction;

/**
 * A form's scanned image beside the fields, one page at a time, fitted to the column; PageDown and PageUp turn the
 * pages while the keyboard stays in the fields. A page is rendered (and its showing audited) only when shown.
 */
class FormImageViewer extends VerticalLayout {

	private final Div frame = new Div();
	private final Span position = new Span();
	private IntFunction<byte[]> source;
	private int pages;
	private int page;

	FormImageViewer() {
		setPadding(false);
		setSpacing(false);
		setHeightFull();
		getStyle().set("min-height", "0");
		position.setId("groups-image-position");
		position.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
		frame.setId("groups-image");
		frame.setWidthFull();
		frame.getStyle().set("flex", "1 1 auto").set("min-height", "0").set("overflow", "auto")
				.set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-m)")
				.set("display", "flex").set("justify-content", "center").set("align-items", "flex-start");
		add(position, frame);
		Shortcuts.addShortcutListener(this, () -> turn(1), Key.PAGE_DOWN).allowBrowserDefault();
		Shortcuts.addShortcutListener(this, () -> turn(-1), Key.PAGE_UP).allowBrowserDefault();
		show(0, null);
	}

	/** Shows page 1 of {@code pages} (0: no image). */
	void show(int pages, IntFunction<byte[]> source) {
		this.pages = pages;
		this.source = source;
		this.page = 1;
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
			position.setText(getTranslation("groups.key.image.none"));
			return;
		}
		position.setText(getTranslation("groups.key.image.position", page, pages));
		int shown = page;
		IntFunction<byte[]> from = source;
		var image = new Image(DownloadHandler.fromInputStream(event -> {
			byte[] png = from.apply(shown);
			return new DownloadResponse(new ByteArrayInputStream(png), "form-" + shown + ".png", "image/png", png.length);
		}), getTranslation("groups.key.image.alt", shown));
		image.getStyle().set("max-width", "100%").set("background", "white");
		image.getElement().setAttribute("data-page", String.valueOf(shown));
		frame.add(image);
	}
}
