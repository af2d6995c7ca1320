package jp.ikiiki.desk.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jp.ikiiki.desk.telephony.AmiEventConsumer;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.junit.jupiter.api.Test;

class AmiEventDispatcherTest {

	@Test
	void events_of_one_call_arrive_in_order_under_load_while_calls_run_in_parallel() throws Exception {
		int calls = 500;
		int perCall = 200;
		int others = 5_000;
		int total = calls * perCall + others;
		Map<String, Integer> lastSeen = new ConcurrentHashMap<>();
		AtomicInteger outOfOrder = new AtomicInteger();
		AtomicInteger lastOther = new AtomicInteger(-1);
		Map<String, String> threadOfCall = new ConcurrentHashMap<>();
		AtomicInteger callsOnTwoThreads = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(total);
		AmiEventConsumer consumer = event -> {
			int seq = event.getSequenceNumber();
			String id = AmiEventDispatcher.callId(event);
			if (id == null) {
				if (lastOther.getAndSet(seq) >= seq) {
					outOfOrder.incrementAndGet();
				}
			} else {
				Integer previous = lastSeen.put(id, seq);
				if (previous != null && previous >= seq) {
					outOfOrder.incrementAndGet();
				}
				String thread = Thread.currentThread().getName();
				if (!thread.equals(threadOfCall.computeIfAbsent(id, k -> thread))) {
					callsOnTwoThreads.incrementAndGet();
				}
			}
			done.countDown();
		};
		try (AmiEventDispatcher dispatcher = new AmiEventDispatcher(List.of(consumer), 8)) {
			int seq = 0;
			int otherEvery = (calls * perCall) / others;
			for (int i = 0; i < perCall; i++) {
				for (int c = 0; c < calls; c++) {
					ManagerEvent e = eventOfCall(i % 3, "call-" + c);
					e.setSequenceNumber(seq++);
					dispatcher.dispatch(e);
					if (seq % (otherEvery + 1) == 0) {
						QueueMemberStatusEvent member = new QueueMemberStatusEvent(this);
						member.setSequenceNumber(seq++);
						dispatcher.dispatch(member);
					}
				}
			}
			while (seq < total) {
				QueueMemberStatusEvent member = new QueueMemberStatusEvent(this);
				member.setSequenceNumber(seq++);
				dispatcher.dispatch(member);
			}
			assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(dispatcher.delivered()).isEqualTo(total);
		}
		assertThat(outOfOrder.get()).isZero();
		assertThat(callsOnTwoThreads.get()).isZero();
		assertThat(lastSeen).hasSize(calls);
	}

	@Test
	void the_call_id_is_the_linkedid_or_what_stands_for_it() {
		NewChannelEvent channel = new NewChannelEvent(this);
		channel.setLinkedid("call01-caller");
		channel.setUniqueId("call01-queue");
		DialBeginEvent dial = new DialBeginEvent(this);
		dial.setDestLinkedId("call01-caller");
		OriginateResponseEvent originate = new OriginateResponseEvent(this);
		originate.setUniqueId("call01-caller");

		assertThat(AmiEventDispatcher.callId(channel)).isEqualTo("call01-caller");
		assertThat(AmiEventDispatcher.callId(dial)).isEqualTo("call01-caller");
		assertThat(AmiEventDispatcher.callId(originate)).isEqualTo("call01-caller");
		assertThat(AmiEventDispatcher.callId(new QueueMemberStatusEvent(this))).isNull();
	}

	private ManagerEvent eventOfCall(int kind, String linkedId) {
		if (kind == 0) {
			NewChannelEvent e = new NewChannelEvent(this);
			e.setLinkedid(linkedId);
			return e;
		}
		if (kind == 1) {
			DialBeginEvent e = new DialBeginEvent(this);
			e.setDestLinkedId(linkedId);
			return e;
		}
		OriginateResponseEvent e = new OriginateResponseEvent(this);
		e.setUniqueId(linkedId);
		return e;
	}
}
