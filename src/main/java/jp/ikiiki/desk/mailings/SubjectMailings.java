package jp.ikiiki.desk.mailings;

import java.util.List;

/**
 * Everything the mailings module sent, or is about to send, to one person: batches being prepared first, then by
 * 発送日, newest first.
 *
 * @param addressNumber the person's 宛名番号 (normalised)
 * @param mailings      the person's envelopes in batches not withdrawn; empty if none
 * @param reissueCount  how many times the person's booklet was reissued (第4章4): dispatched reissues, pulled ones not
 *                      counted
 */
public record SubjectMailings(String addressNumber, List<SubjectMailing> mailings, int reissueCount) {

	public SubjectMailings {
		mailings = List.copyOf(mailings);
	}
}
