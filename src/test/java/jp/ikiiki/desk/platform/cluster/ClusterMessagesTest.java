package jp.ikiiki.desk.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ClusterMessagesTest {

	@Test
	void a_message_published_in_a_transaction_is_delivered_when_it_commits_and_not_before() {
		LocalMessages messages = new LocalMessages();
		List<ClusterMessages.Message> seen = new CopyOnWriteArrayList<>();
		messages.subscribe("agentdesk.pop", seen::add);
		TransactionSynchronizationManager.initSynchronization();
		try {
			messages.publish("agentdesk.pop", "17");
			assertThat(seen).isEmpty();
			TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
		} finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
		assertThat(seen).containsExactly(new ClusterMessages.Message("agentdesk.pop", "17", true));
		messages.publish("agentdesk.pop", "18");
		assertThat(seen).hasSize(2);
	}

	@Test
	void topics_are_letters_digits_and_dots_and_payloads_one_short_line() {
		LocalMessages messages = new LocalMessages();
		assertThatThrownBy(() -> messages.publish("pop'; drop table x", "1")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> messages.publish("a.b", "x".repeat(ClusterMessages.MAX_PAYLOAD + 1)))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> messages.publish("a.b", "1\n2")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> messages.publish("a.b", null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void a_notification_is_split_at_the_first_two_bars_and_this_nodes_own_are_skipped() {
		PostgresMessages messages = new PostgresMessages(null, null, "desk1");
		List<ClusterMessages.Message> seen = new CopyOnWriteArrayList<>();
		messages.subscribe("t.x", seen::add);
		messages.receive("desk2|t.x|a|b");
		messages.receive("desk1|t.x|mine");
		messages.receive("garbage");
		messages.receive("desk2|other|1");
		assertThat(seen).containsExactly(new ClusterMessages.Message("t.x", "a|b", false));
	}

	@Test
	void a_failing_subscriber_does_not_keep_the_message_from_the_others() {
		LocalMessages messages = new LocalMessages();
		List<String> seen = new CopyOnWriteArrayList<>();
		messages.subscribe("t", m -> {
			throw new IllegalStateException("closed page");
		});
		Runnable unsubscribe = messages.subscribe("t", m -> seen.add(m.payload()));
		messages.publish("t", "1");
		unsubscribe.run();
		messages.publish("t", "2");
		assertThat(seen).containsExactly("1");
	}
}
