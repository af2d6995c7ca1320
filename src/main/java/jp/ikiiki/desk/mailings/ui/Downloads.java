package jp.ikiiki.desk.mailings.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jp.ikiiki.desk.mailings.MailingDownload;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.shared.DomainException;

/**
 * Download links whose file is made (and the download audited) only when clicked. A refusal (nothing to download
 * yet) is answered with its reason on the screen.
 */
final class Downloads {

	private Downloads() {
	}

	/** A small file made whole by the service. */
	static Anchor link(String text, String id, Supplier<MailingDownload> source) {
		DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
			try {
				MailingDownload d = source.get();
				return new DownloadResponse(new ByteArrayInputStream(d.content()), d.fileName(), d.contentType(),
						d.content().length);
			} catch (DomainException e) {
				tell(event.getUI(), e);
				return DownloadResponse.error(HttpStatusCode.CONFLICT);
			}
		});
		return anchor(handler, text, id);
	}

	/** A list streamed as XLSX while it is read (any size). */
	static Anchor xlsx(String text, String id, Supplier<String> fileName, Consumer<OutputStream> writer) {
		DownloadHandler handler = event -> {
			event.setFileName(fileName.get());
			event.setContentType(MailingDownload.XLSX);
			try (OutputStream out = event.getOutputStream()) {
				writer.accept(out);
			}
		};
		return anchor(handler, text, id);
	}

	private static Anchor anchor(DownloadHandler handler, String text, String id) {
		Anchor a = new Anchor(handler, AttachmentType.DOWNLOAD, "");
		a.add(VaadinIcon.DOWNLOAD_ALT.create());
		a.add(" " + text);
		a.setId(id);
		return a;
	}

	private static void tell(UI ui, DomainException e) {
		if (ui != null) {
			ui.access(() -> Notices.error(e.reason()));
		}
	}
}
