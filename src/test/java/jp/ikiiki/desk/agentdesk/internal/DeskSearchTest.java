package jp.ikiiki.desk.agentdesk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import jp.ikiiki.desk.agentdesk.AgentDesk;
import jp.ikiiki.desk.agentdesk.SubjectResults;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.security.UserDirectory;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.subjects.SubjectLookup;
import jp.ikiiki.desk.subjects.SubjectQuery;
import jp.ikiiki.desk.subjects.SubjectSummary;
import jp.ikiiki.desk.telephony.CallRecords;
import jp.ikiiki.desk.telephony.QueueMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The desk's search lists at most {@link AgentDesk#SUBJECT_RESULTS} subjects and says when there are more: it asks
 * the look-up for one more than it lists, so it never stops at the limit without saying so.
 */
class DeskSearchTest {

	final SubjectLookup lookup = mock(SubjectLookup.class);
	@SuppressWarnings("unchecked")
	final DeskService desk = new DeskService(mock(CallLogStore.class), mock(CallLogDrafts.class),
			mock(DeskBindings.class), new PopBus(), mock(JdbcInquiryCategories.class), mock(QueueMembers.class),
			mock(CallRecords.class), lookup, mock(Mailings.class), mock(UserDirectory.class), mock(ObjectProvider.class), mock(AuditTrail.class),
			mock(ApplicationEventPublisher.class), Optional.empty());

	@Test
	void twenty_one_found_lists_twenty_and_says_there_are_more() {
		when(lookup.search(any(SubjectQuery.class), anyInt(), anyString())).thenReturn(subjects(21));
		SubjectResults results = desk.findSubjects("たなか");
		assertThat(results.subjects()).hasSize(20);
		assertThat(results.more()).isTrue();
		assertThat(results.limit()).isEqualTo(20);
		verify(lookup).search(any(SubjectQuery.class), eq(21), eq(AgentDesk.CHANNEL));
	}

	@Test
	void exactly_twenty_found_lists_all_and_says_there_are_no_more() {
		when(lookup.search(any(SubjectQuery.class), anyInt(), anyString())).thenReturn(subjects(20));
		SubjectResults results = desk.findSubjects("たなか");
		assertThat(results.subjects()).hasSize(20);
		assertThat(results.more()).isFalse();
	}

	@Test
	void a_search_without_a_criterion_is_refused_naming_the_field() {
		assertThatThrownBy(() -> desk.findSubjects(" \t")).isInstanceOf(InvalidInputException.class)
				.satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("対象者検索"));
	}

	private static List<SubjectSummary> subjects(int n) {
		return IntStream.rangeClosed(1, n).mapToObj(i -> new SubjectSummary(String.format("99%08d", i), null,
				"タナカ　タロウ", "田中　太郎", LocalDate.of(1940, 1, 1), 101, "中区", "広島市中区", false)).toList();
	}

}
