package jp.ikiiki.desk.tally.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.IntFunction;

/**
 * A scanned booklet's pages beside the work on it, one page at a time, fitted to the screen. PageDown and PageUp (also
 * Alt+→ and Alt+←) turn the pages, Alt+Z enlarges the page and Alt+↓ / Alt+↑ scroll it, while the keyboard stays in the
 * fields. A page is rendered only when
 * shown (and its showing audited by the service).
 */
class PageViewer extends VerticalLayout {

	private final Div frame = new Div();
	private final Span position = new Span();
	private final Span empty = new Span();
	private final Button previous = new Button();
	private final Button next = new Button();
	private IntFunction<byte[]> source;
	private int pages;
	private int page;
	private boolean zoomed;

	PageViewer(String idPrefix) {
		setPadding(false);
		setSpacing(false);
		setHeightFull();
		getStyle().set("min-height", "0");
		previous.setText(getTranslation("tally.page.previous"));
		next.setText(getTranslation("tally.page.next"));
		previous.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
		next.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
		// Buttons are for the mouse; the keyboard turns pages with PageUp/PageDown without leaving the fields.
		previous.setTabIndex(-1);
		next.setTabIndex(-1);
		previous.addClickListener(e -> turn(-1));
		next.addClickListener(e -> turn(1));
		previous.setId(idPrefix + "-page-previous");
		next.setId(idPrefix + "-page-next");
		position.setId(idPrefix + "-page-position");
		var keys = new Span(getTranslation("tally.page.keys"));
		keys.getStyle().set("color", "var(--lumo-secondary-text-color)").set("overflow", "hidden")
				.set("text-overflow", "ellipsis").set("min-width", "0");
		position.getStyle().set("white-space", "nowrap");
		var bar = new HorizontalLayout(previous, position, next, keys);
		bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		bar.setSpacing(false);
		bar.getStyle().set("font-size", "var(--lumo-font-size-s)").set("white-space", "nowrap").set("gap", "var(--lumo-space-s)")
				.set("overflow", "hidden").set("max-width", "100%");
		frame.setId(idPrefix + "-page");
		frame.setWidthFull();
		frame.getStyle().set("flex", "1 1 auto").set("min-height", "0").set("overflow", "auto").set("height", "100%")
				.set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-m)")
				.set("display", "flex").set("justify-content", "center").set("align-items", "flex-start");
		empty.getStyle().set("padding", "var(--lumo-space-l)").set("color", "var(--lumo-secondary-text-color)");
		add(bar, frame);
		Shortcuts.addShortcutListener(this, () -> turn(1), Key.PAGE_DOWN).allowBrowserDefault();
		Shortcuts.addShortcutListener(this, () -> turn(-1), Key.PAGE_UP).allowBrowserDefault();
		Shortcuts.addShortcutListener(this, () -> turn(1), Key.ARROW_RIGHT, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, () -> turn(-1), Key.ARROW_LEFT, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, this::toggleZoom, Key.KEY_Z, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, () -> scroll(1), Key.ARROW_DOWN, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, () -> scroll(-1), Key.ARROW_UP, KeyModifier.ALT);
		show(0, null, getTranslation("tally.page.none"));
	}

	/**
	 * Shows page 1 of a document.
	 *
	 * @param pages     its pages; 0 shows {@code emptyText}
	 * @param source    the PNG of a 1-based page
	 * @param emptyText what to say when there is nothing to show
	 */
	void show(int pages, IntFunction<byte[]> source, String emptyText) {
		this.pages = pages;
		this.source = source;
		this.page = 1;
		empty.setText(emptyText);
		render();
	}

	/** Alt+Z: the whole page fitted to the frame, or the page at twice that size to read small print. */
	private void toggleZoom() {
		zoomed = !zoomed;
		render();
	}

	/** Alt+↓ / Alt+↑ scroll an enlarged page without leaving the fields. */
	private void scroll(int direction) {
		frame.getElement().executeJs("this.scrollBy(0, $0)", direction * 200);
	}

	private void turn(int delta) {
		if (pages == 0) {
			return;
		}
		int target = Math.max(1, Math.min(pages, page + delta));
		if (target != page) {
			page = target;
			render();
		}
	}

	private void render() {
		frame.removeAll();
		previous.setEnabled(pages > 0 && page > 1);
		next.setEnabled(pages > 0 && page < pages);
		if (pages == 0 || source == null) {
			position.setText("");
			frame.add(empty);
			return;
		}
		position.setText(getTranslation("tally.page.position", page, pages));
		int shown = page;
		IntFunction<byte[]> from = source;
		var image = new Image(DownloadHandler.fromInputStream(event -> {
			byte[] png = from.apply(shown);
			return new DownloadResponse(new ByteArrayInputStream(png), "page-" + shown + ".png", "image/png", png.length);
		}), getTranslation("tally.page.alt", shown));
		if (zoomed) {
			image.getStyle().set("width", "200%").set("max-width", "none").set("height", "auto");
		} else {
			image.getStyle().set("max-width", "100%").set("max-height", "100%").set("object-fit", "contain");
		}
		image.getStyle().set("background", "white");
		image.getElement().setAttribute("data-zoomed", String.valueOf(zoomed));
		image.getElement().setAttribute("data-page", String.valueOf(shown));
		frame.add(image);
	}
}
