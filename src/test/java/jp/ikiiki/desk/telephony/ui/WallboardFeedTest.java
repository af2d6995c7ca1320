package jp.ikiiki.desk.telephony.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;

class WallboardFeedTest {

	@Test
	void screens_refreshing_in_the_same_round_share_one_computation_and_an_event_starts_a_new_round() {
		WallboardFeed feed = new WallboardFeed();
		try {
			AtomicInteger computed = new AtomicInteger();
			List<Integer> seen = new CopyOnWriteArrayList<>();
			// Three screens: each reads the shared figures when told to refresh.
			for (int screen = 0; screen < 3; screen++) {
				feed.subscribe(() -> seen.add(feed.shared(computed::incrementAndGet)));
			}
			assertThat(feed.<Integer>shared(computed::incrementAndGet)).isEqualTo(1);
			assertThat(feed.<Integer>shared(computed::incrementAndGet)).as("same round").isEqualTo(1);

			feed.onEvent(new NewChannelEvent(this));
			await().atMost(Duration.ofSeconds(2)).until(() -> seen.size() >= 3);
			assertThat(seen.subList(0, 3)).as("one computation for the three screens of the round").containsOnly(2);
			assertThat(computed.get()).isGreaterThanOrEqualTo(2);
		} finally {
			feed.destroy();
		}
	}
}
