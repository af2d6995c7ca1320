package jp.ikiiki.desk.subjects;

import com.vaadin.flow.component.Component;

/**
 * A section another module adds to a subject's page (対象者詳細) and to the agent desk's subject card, for what that
 * module knows of the person (points and payment per business year, …). Declared here so that the subjects module
 * shows it without depending on the module that provides it.
 */
public interface SubjectPageSection {

	/** Position among the added sections, lowest first. */
	int order();

	/**
	 * The section for the person, built on the UI thread for the signed-in person; null when there is nothing to
	 * show or the person's roles may not see it. The provider audits the look-up.
	 *
	 * @param addressNumber 宛名番号
	 * @param channel       the screen asking, e.g. 画面:対象者詳細
	 */
	Component create(String addressNumber, String channel);
}
