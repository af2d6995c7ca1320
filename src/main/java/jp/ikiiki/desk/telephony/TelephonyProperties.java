package jp.ikiiki.desk.telephony;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Telephony settings ({@code ikiiki.telephony.*}). The names the dialplan uses default to those of the recording
 * in {@code ../shared/fixtures/ami/} and of the configuration in {@code telephony/}.
 *
 * @param enabled      false: no AMI connection and no simulator (the line limit is only kept, the status stays
 *                     DISCONNECTED)
 * @param mode         {@code simulator} (the built-in AMI simulator, default) or {@code asterisk}
 * @param ami          where and as whom to connect (in simulator mode: the user the simulator accepts; host and
 *                     port are the simulator's)
 * @param queue        the queue callers wait in
 * @param lineVariable the global dialplan variable holding the line limit
 * @param refusalEvent the {@code UserEvent} the dialplan raises when it refuses a call over the limit
 * @param connection   how the connection behaves
 * @param simulator    the built-in simulator
 */
@Validated
@ConfigurationProperties("ikiiki.telephony")
public record TelephonyProperties(@DefaultValue("true") boolean enabled, @NotNull Mode mode, @NotNull @Valid Ami ami,
		@NotBlank String queue, @NotBlank String lineVariable, @NotBlank String refusalEvent,
		@NotNull @Valid @DefaultValue Connection connection, @NotNull @Valid @DefaultValue Simulator simulator) {

	public enum Mode {
		SIMULATOR, ASTERISK
	}

	/**
	 * @param host     AMI host
	 * @param port     AMI port (5038)
	 * @param username manager user ({@code manager.conf})
	 * @param password its secret; never logged
	 */
	public record Ami(@NotBlank String host, @Min(0) @Max(65535) int port, @NotBlank String username,
			@NotBlank String password) {

		@Override
		public String toString() {
			return "Ami[host=" + host + ", port=" + port + ", username=" + username + "]";
		}
	}

	/**
	 * @param pingInterval  how often the connection sends {@code Ping}
	 * @param loginRetry    wait between attempts while the first login fails (afterwards asterisk-java reconnects
	 *                      by itself)
	 * @param eventLanes    threads delivering events to consumers (one lane for events without a Linkedid, the
	 *                      others chosen by the Linkedid's hash)
	 * @param dbFamily      AstDB family the line limit is stored under ({@code DBPut})
	 * @param dbKey         AstDB key of the line limit
	 */
	public record Connection(@DefaultValue("20s") Duration pingInterval, @DefaultValue("5s") Duration loginRetry,
			@DefaultValue("8") @Min(2) @Max(64) int eventLanes, @DefaultValue("ikiiki") @NotBlank String dbFamily,
			@DefaultValue("lines") @NotBlank String dbKey) {
	}

	/**
	 * The built-in simulator (mode {@code simulator}); times in simulated seconds.
	 *
	 * @param port                port to listen on (loopback); 0 = a free port
	 * @param agents              queue members {@code Local/agent1@agents} …
	 * @param initialLines        the line limit before the application sets one
	 * @param queueTimeoutSeconds seconds before a waiting caller leaves on the queue's timeout
	 * @param arrivalsPerMinute   mean calls per minute (Poisson); 0 = no random calls
	 * @param meanPatienceSeconds mean patience of a waiting caller (exponential)
	 * @param minTalkSeconds      shortest conversation
	 * @param maxTalkSeconds      longest conversation
	 * @param minRingSeconds      shortest ring before a member answers
	 * @param maxRingSeconds      longest ring
	 * @param speed               simulated seconds per wall-clock second
	 * @param seed                seed of every random choice (same seed, same calls)
	 * @param replayFile          a recorded AMI stream to serve instead of the live queue (empty = live)
	 * @param replaySpeed         recorded seconds per wall-clock second in replay; 0 = as fast as possible
	 */
	public record Simulator(@DefaultValue("0") @Min(0) @Max(65535) int port, @DefaultValue("3") @Min(1) int agents,
			@DefaultValue("5") @Min(0) int initialLines, @DefaultValue("30") @Min(1) int queueTimeoutSeconds,
			@DefaultValue("2.0") double arrivalsPerMinute, @DefaultValue("60") double meanPatienceSeconds,
			@DefaultValue("60") double minTalkSeconds, @DefaultValue("300") double maxTalkSeconds,
			@DefaultValue("2") double minRingSeconds, @DefaultValue("8") double maxRingSeconds,
			@DefaultValue("1.0") double speed, @DefaultValue("1") long seed, Path replayFile,
			@DefaultValue("1.0") double replaySpeed) {
	}
}
