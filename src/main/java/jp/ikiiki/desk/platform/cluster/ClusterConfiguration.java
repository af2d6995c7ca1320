package jp.ikiiki.desk.platform.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One node (default): {@link SingleNodeLeadership} and in-memory messages. {@code ikiiki.cluster.enabled=true}:
 * {@link AdvisoryLockLeadership} and {@link PostgresMessages}. The node listens to messages from the moment its
 * beans exist, and tries for the leadership once it is ready (migrated, web server up); on a clean stop it gives
 * the leadership up first, before anything else stops, so that the other node takes over at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ClusterProperties.class, SharedStorageProperties.class })
class ClusterConfiguration {

	@Bean
	Gauge clusterLeaderGauge(Leadership leadership, MeterRegistry registry) {
		return Gauge.builder("ikiiki.cluster.leader", leadership, l -> l.isLeader() ? 1 : 0)
				.description("1 while this node is the leader (exactly one node should be)").register(registry);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "ikiiki.cluster.enabled", havingValue = "false", matchIfMissing = true)
	static class SingleNode {

		@Bean
		Leadership leadership(ClusterProperties properties) {
			return new SingleNodeLeadership(properties.nodeName());
		}

		@Bean
		ClusterMessages clusterMessages() {
			return new LocalMessages();
		}

		@Bean
		JobLocks jobLocks(DataSource dataSource, JdbcClient jdbc) {
			return new SessionJobLocks(purpose -> dataSource.getConnection(), jdbc);
		}

		@Bean
		SharedStorage sharedStorage() {
			return new NoSharedStorage();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "ikiiki.cluster.enabled", havingValue = "true")
	static class SeveralNodes {

		@Bean
		DedicatedConnections dedicatedConnections(DataSource dataSource, ClusterProperties properties) {
			return new DedicatedConnections(dataSource, properties.checkTimeout());
		}

		@Bean
		AdvisoryLockLeadership leadership(ClusterProperties properties, DedicatedConnections connections,
				ApplicationEventPublisher events) {
			return new AdvisoryLockLeadership(properties, connections, events);
		}

		@Bean(initMethod = "start", destroyMethod = "stop")
		PostgresMessages clusterMessages(JdbcClient jdbc, DedicatedConnections connections, Leadership leadership) {
			return new PostgresMessages(jdbc, connections, leadership.node());
		}

		@Bean
		JobLocks jobLocks(DedicatedConnections connections, JdbcClient jdbc) {
			return new SessionJobLocks(connections::open, jdbc);
		}

		@Bean
		SharedStorageCheck sharedStorage(SharedStorageProperties properties, JdbcClient jdbc, Leadership leadership,
				ObjectProvider<Clock> clock) {
			return new SharedStorageCheck(leadership.node(), properties, jdbc, clock.getIfAvailable(Clock::systemUTC));
		}

		@Bean
		SharedStorageHealth sharedStorageHealthIndicator(SharedStorageCheck check) {
			return new SharedStorageHealth(check);
		}

		@Bean
		SharedStorageWorkItems sharedStorageWorkItems(SharedStorageCheck check, I18NProvider labels) {
			return new SharedStorageWorkItems(check, labels);
		}

		@Bean
		Gauge sharedStorageProblemsGauge(SharedStorageCheck check, MeterRegistry registry) {
			return Gauge.builder("ikiiki.cluster.shared.storage.problems", check, c -> c.last().problems().size())
					.description("directories this node does not share with another live node (should be 0)")
					.register(registry);
		}

		@Bean
		Lifecycle clusterLifecycle(AdvisoryLockLeadership leadership, SharedStorageCheck storage) {
			return new Lifecycle(leadership, storage);
		}
	}

	/** Starts the leadership when the node is ready; gives it up first when the node stops. */
	static final class Lifecycle {

		private final AdvisoryLockLeadership leadership;
		private final SharedStorageCheck storage;

		Lifecycle(AdvisoryLockLeadership leadership, SharedStorageCheck storage) {
			this.leadership = leadership;
			this.storage = storage;
		}

		@EventListener(ApplicationReadyEvent.class)
		void ready() {
			leadership.start();
			storage.start();
		}

		@EventListener(ContextClosedEvent.class)
		void closing() {
			leadership.stop();
			storage.stop();
		}
	}

}
