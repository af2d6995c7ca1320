package jp.ikiiki.desk.printing;

import java.util.Collection;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The city's decisions on characters that must not be printed as they are (第3章1), kept for every later run. Every
 * decision recorded is audited; a later decision for the same person, field and character replaces the earlier one.
 */
public interface CharacterDecisions {

	/**
	 * Records a decision (audited as UPDATE with the person).
	 *
	 * @param decision what the city decided; {@code decidedBy}/{@code decidedAt} are ignored
	 * @param channel  the screen or API call, e.g. {@code 画面:外字判断}
	 * @return the decision as stored
	 * @throws jp.ikiiki.desk.shared.InvalidInputException for an unknown field, a REPLACE without exactly one
	 *                                                     character to replace, or a replacement the bundled fonts
	 *                                                     cannot print (naming the field)
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	CharacterDecision record(CharacterDecision decision, String channel);

	/** The decisions that apply to these people: their own and those for everyone. */
	@PreAuthorize("hasRole('OPERATOR')")
	List<CharacterDecision> applying(Collection<String> subjectIds);
}
