package jp.ikiiki.desk.deliverables.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import jp.ikiiki.desk.deliverables.HandoverPackages;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapanTime;

/**
 * 引継ぎ: the handover package for the next contractor (第9章1(4)), for the information-security manager, who also
 * owns the end of the contract (erasure). The package is made when the link is followed, from the state of that
 * moment, and recorded in the audit trail; the page shows the last one made in this session with its SHA-256.
 */
@Route("handover")
@Menu(order = 92, title = "引継ぎ")
@RolesAllowed("SECURITY_ADMIN")
class HandoverView extends VerticalLayout implements HasDynamicTitle {

	private static final String CHANNEL = "画面:引継ぎ";
	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(JapanTime.ZONE);

	private final HandoverPackages packages;
	private final Span last = new Span();

	HandoverView(HandoverPackages packages) {
		this.packages = packages;
		H2 title = new H2(getTranslation("deliverables.handover.heading"));
		title.getStyle().set("margin", "0");
		UnorderedList parts = new UnorderedList();
		for (String key : new String[] { "deliverables.handover.part.docs", "deliverables.handover.part.data-model",
				"deliverables.handover.part.revision", "deliverables.handover.part.configuration",
				"deliverables.handover.part.checklist", "deliverables.handover.part.sums" }) {
			parts.add(new ListItem(getTranslation(key)));
		}
		DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
			UI ui = event.getUI();
			try {
				HandoverPackages.HandoverPackage pkg = packages.build(CHANNEL);
				if (ui != null) {
					ui.access(() -> last.setText(getTranslation("deliverables.handover.last", AT.format(pkg.madeAt()),
							pkg.fileName(), pkg.sha256())));
				}
				return new DownloadResponse(new ByteArrayInputStream(pkg.content()), pkg.fileName(),
						HandoverPackages.HandoverPackage.CONTENT_TYPE, pkg.content().length);
			} catch (DomainException e) {
				return DownloadResponse.error(HttpStatusCode.CONFLICT);
			}
		});
		Anchor download = new Anchor(handler, AttachmentType.DOWNLOAD, getTranslation("deliverables.handover.download"));
		download.setId("handover-download");
		download.getElement().getThemeList().add("primary");
		download.getStyle().set("font-weight", "bold");
		last.setId("handover-last");
		last.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
		add(title, new Paragraph(getTranslation("deliverables.handover.note")), parts,
				new Paragraph(getTranslation("deliverables.handover.command")), download, last);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("deliverables.handover.title");
	}
}
