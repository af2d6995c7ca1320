package jp.ikiiki.desk.mailings.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;
import jp.ikiiki.desk.mailings.MailingDownload;

/** Download links whose file is made (and the download audited) only when clicked. */
final class Downloads {

	private Downloads() {
	}

	static Anchor link(String text, String id, Supplier<MailingDownload> source) {
		DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
			try {
				MailingDownload d = source.get();
				return new DownloadResponse(new ByteArrayInputStream(d.content()), d.fileName(), d.contentType(),
						d.content().length);
			} catch (IllegalStateException | IllegalArgumentException e) {
				return DownloadResponse.error(HttpStatusCode.NOT_FOUND);
			}
		});
		Anchor a = new Anchor(handler, AttachmentType.DOWNLOAD, text);
		a.setId(id);
		return a;
	}
}
