package jp.ikiiki.desk.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import jp.ikiiki.desk.platform.cluster.Leadership;
import jp.ikiiki.desk.telephony.ami.AmiConnection;
import jp.ikiiki.desk.telephony.ami.AmiHealthIndicator;
import jp.ikiiki.desk.telephony.ami.AmiLineLimitControl;
import jp.ikiiki.desk.telephony.ami.TelephonyGaps;
import jp.ikiiki.desk.telephony.simulator.AmiSimulator;
import jp.ikiiki.desk.telephony.simulator.SimulatorSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Telephony wiring. {@code ikiiki.telephony.enabled=false}: no connection and no simulator (the line limit is kept
 * only, the status stays DISCONNECTED). Mode {@code simulator}: the built-in AMI simulator listens on the loopback
 * (a free port unless {@code simulator.port} is set) and the connection talks to it through the socket exactly as
 * to Asterisk. Mode {@code asterisk}: the connection goes to {@code ami.host:ami.port}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelephonyProperties.class)
class TelephonyConfiguration {

	@Bean
	AmiLineLimitControl lineLimitControl(TelephonyProperties properties) {
		return new AmiLineLimitControl(properties);
	}

	@Bean
	@ConditionalOnProperty(name = "ikiiki.telephony.enabled", havingValue = "false")
	TelephonyStatus disabledTelephonyStatus() {
		TelephonyStatus.Status disabled = new TelephonyStatus.Status(TelephonyStatus.State.DISCONNECTED,
				Instant.now(), 0, "telephony disabled");
		return () -> disabled;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "ikiiki.telephony.enabled", havingValue = "true", matchIfMissing = true)
	static class Enabled {

		@Bean(destroyMethod = "close")
		@ConditionalOnExpression("'${ikiiki.telephony.mode:simulator}'.equalsIgnoreCase('simulator')")
		AmiSimulator amiSimulator(TelephonyProperties properties) {
			TelephonyProperties.Simulator s = properties.simulator();
			SimulatorSettings settings = new SimulatorSettings(properties.queue(), properties.lineVariable(),
					properties.refusalEvent(), properties.ami().username(), properties.ami().password(), s.agents(),
					s.initialLines(), s.queueTimeoutSeconds(), s.arrivalsPerMinute(), s.meanPatienceSeconds(),
					s.minTalkSeconds(), s.maxTalkSeconds(), s.minRingSeconds(), s.maxRingSeconds(), s.speed(),
					s.seed());
			AmiSimulator.Replay replay = s.replayFile() == null ? null
					: new AmiSimulator.Replay(s.replayFile(), s.replaySpeed(), 1);
			try {
				return new AmiSimulator(settings, s.port(), replay).start();
			} catch (IOException e) {
				throw new UncheckedIOException("AMI simulator cannot listen on port " + s.port(), e);
			}
		}

		@Bean
		TelephonyGaps telephonyGaps(JdbcClient jdbc) {
			return new TelephonyGaps(jdbc);
		}

		@Bean
		AmiConnection amiConnection(TelephonyProperties properties, ObjectProvider<AmiSimulator> simulator,
				ObjectProvider<AmiEventConsumer> consumers, AmiLineLimitControl lineLimit, TelephonyGaps gaps,
				MeterRegistry registry, Leadership leadership) {
			AmiSimulator sim = simulator.getIfAvailable();
			String host = sim != null ? "127.0.0.1" : properties.ami().host();
			int port = sim != null ? sim.port() : properties.ami().port();
			// Consumers are looked up when the connection starts: they may themselves need TelephonyStatus.
			return new AmiConnection(properties, host, port, () -> consumers.orderedStream().toList(), lineLimit, gaps, registry,
					Clock.systemUTC(), leadership::isLeader);
		}

		@Bean
		AmiHealthIndicator amiHealthIndicator(TelephonyStatus status) {
			return new AmiHealthIndicator(status);
		}
	}
}
