package jp.ikiiki.desk.agentdesk.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.Postcodes;
import jp.ikiiki.desk.subjects.SubjectDetail;

/**
 * What the agent needs to know of the linked subject while talking: identity, addresses, care level, the transport
 * subsidy and the points booklet as the city's files have them, and a line on what was mailed to the person (the
 * whole history in {@link MailingHistoryPanel}). Points and payments are not tallied by this system yet: not shown.
 * Dates follow the console's policy: the birth date in both forms, the others in the era form of the city's files.
 */
class SubjectCard extends VerticalLayout {

	private final H4 title = new H4();
	private final Div facts = new Div();
	private Span mailings;

	SubjectCard() {
		setId("desk-subject-card");
		setPadding(false);
		setSpacing(false);
		setWidthFull();
		title.getStyle().set("margin", "var(--lumo-space-xs) 0");
		facts.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr")
				.set("gap", "var(--lumo-space-xs) var(--lumo-space-m)").set("font-size", "var(--lumo-font-size-s)");
		add(title, facts);
		empty();
	}

	void empty() {
		title.setText(getTranslation("agentdesk.subject.none"));
		facts.removeAll();
		mailings = null;
	}

	void show(SubjectDetail s) {
		facts.removeAll();
		title.setText(getTranslation("agentdesk.subject.name-kana", s.nameKanji(), s.nameKana())
				+ (s.ended() ? getTranslation("agentdesk.subject.ended") : ""));
		fact("agentdesk.subject.address-number", s.addressNumber()
				+ (s.managementNumber() == null ? "" : getTranslation("agentdesk.subject.management-number", s.managementNumber())));
		fact("agentdesk.subject.birth-date", getTranslation("agentdesk.subject.birth", JapaneseDates.toBoth(s.birthDate()),
				s.age(), s.sex() == null ? "" : s.sex()));
		fact("agentdesk.subject.residence", address(s.residence()) + (s.wardName() == null ? "" : "（" + s.wardName() + "）"));
		if (s.mailing() != null && s.mailing().address() != null) {
			fact("agentdesk.subject.mailing", address(s.mailing()));
		}
		if (s.care() != null && s.care().level() != null) {
			String valid = s.care().validTo() == null ? ""
					: getTranslation("agentdesk.subject.care-valid", date(s.care().validFrom()), date(s.care().validTo()))
							+ (s.care().expiredOn(LocalDate.now(JapanTime.ZONE)) ? getTranslation("agentdesk.subject.expired") : "");
			fact("agentdesk.subject.care", s.care().level() + valid);
		}
		if (s.subsidy() != null && (s.subsidy().ticketType() != null || s.subsidy().decisionReason() != null)) {
			fact("agentdesk.subject.subsidy", join(s.subsidy().ticketType(), s.subsidy().decisionReason(),
					s.subsidy().processingStatus()));
		}
		if (s.booklet() != null) {
			var b = s.booklet();
			String booklet = join(b.status(), b.createdOn() == null ? null
					: getTranslation("agentdesk.subject.booklet-created", date(b.createdOn())),
					b.registeredMailNumber() == null ? null
							: getTranslation("agentdesk.subject.registered-mail", b.registeredMailNumber()));
			if (!booklet.isEmpty()) {
				fact("agentdesk.subject.booklet", booklet);
			}
			if (b.deathDate() != null) {
				fact("agentdesk.subject.death", date(b.deathDate()));
			}
		}
		if (s.gaiji() != null && !s.gaiji().isEmpty()) {
			fact("agentdesk.subject.gaiji", getTranslation("agentdesk.subject.gaiji-count", s.gaiji().size()));
		}
		mailings = fact("agentdesk.subject.mailings", getTranslation("agentdesk.subject.mailings-loading"));
		mailings.setId("desk-subject-mailings");
	}

	/** The line on what was mailed to the subject shown (after {@link #show}). */
	void mailings(String summary) {
		if (mailings != null) {
			mailings.setText(summary);
		}
	}

	private Span fact(String labelKey, String value) {
		Span label = new Span(getTranslation(labelKey));
		label.getStyle().set("color", "var(--lumo-secondary-text-color)");
		Span v = new Span(value == null || value.isBlank() ? "—" : value);
		v.addClassName("desk-subject-fact");
		facts.add(label, v);
		return v;
	}

	private static String address(SubjectDetail.Address a) {
		if (a == null) {
			return "";
		}
		return join(Postcodes.withMark(a.postalCode()), a.address(), a.extra());
	}

	private static String date(LocalDate d) {
		return d == null ? "" : JapaneseDates.toEraKanji(d);
	}

	private static String join(String... parts) {
		StringBuilder sb = new StringBuilder();
		for (String p : parts) {
			if (p != null && !p.isBlank()) {
				if (sb.length() > 0) {
					sb.append(" ");
				}
				sb.append(p.strip());
			}
		}
		return sb.toString();
	}
}
