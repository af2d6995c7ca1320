package jp.ikiiki.desk.subjects;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The subjects a mailing selects from (第4章), read in bulk for operators. Not audited here: the caller (a mailing
 * batch) records what it selected and what it printed.
 */
public interface SubjectRoster {

	/** Which of the city's files a mailing draws its subjects from. */
	enum Source {
		/** Subjects with a 交通費助成索引簿 (別紙2) record, ended or not. */
		INDEX,
		/** Subjects with a 対象者別進捗状況一覧 (別紙3) record, ended or not. */
		PROGRESS
	}

	/**
	 * Streams every subject with a record of {@code source}, in 宛名番号 order, without holding them all in memory.
	 *
	 * @param source which file's subjects; not null
	 * @param each   called once per subject, on the calling thread; an exception from it stops the stream
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	void forEach(Source source, Consumer<MailingSubject> each);

	/** How many subjects {@link #forEach} would stream (for progress). */
	@PreAuthorize("hasRole('OPERATOR')")
	long count(Source source);

	/**
	 * The subjects with these 宛名番号 (spaces and full-width digits tolerated), in 宛名番号 order; numbers with no
	 * subject are simply absent from the result.
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	List<MailingSubject> find(Collection<String> addressNumbers);
}
