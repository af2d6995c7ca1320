package jp.ikiiki.desk.telephony.simulator;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AMI server that speaks like Asterisk 22 (AMI 11.0.0) on a TCP port: banner, {@code Challenge}/MD5 and
 * plain {@code Login}, {@code ActionID} on every response, list actions with {@code EventList}, and the events of
 * the {@link SimulatedPbx} behind it, with {@code Timestamp} headers as with {@code timestampevents=yes}.
 * <p>
 * Replay mode serves a recorded stream (like {@code ami-events.log}) to each client after its login instead of a
 * live queue. {@link #dropConnections()} closes every client socket, as a network failure or an Asterisk restart
 * would.
 */
public final class AmiSimulator implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(AmiSimulator.class);
	static final String BANNER = "Asterisk Call Manager/11.0.0\r\n";
	private static final Pattern CALLER_ID = Pattern.compile("\\s*\"?([^\"<]*)\"?\\s*<([^>]*)>\\s*");

	private final SimulatorSettings settings;
	private final int requestedPort;
	private final SimulatedPbx pbx;
	private final Replay replay;
	private final List<Session> sessions = new CopyOnWriteArrayList<>();
	private final List<AmiMessage> actions = new CopyOnWriteArrayList<>();
	private final AtomicLong eventsWritten = new AtomicLong();
	private final AtomicLong logins = new AtomicLong();
	private volatile ServerSocket server;
	private volatile boolean closed;
	private volatile boolean refusing;

	/**
	 * A recorded stream to serve after each login.
	 *
	 * @param file   the recording (CRLF blocks; the banner and the responses in it are skipped)
	 * @param speed  recorded seconds per wall-clock second; 0 or less = as fast as the socket takes them
	 * @param repeat how many times to send the recording
	 */
	public record Replay(Path file, double speed, int repeat) {
	}

	public AmiSimulator(SimulatorSettings settings, int port) {
		this(settings, port, null);
	}

	public AmiSimulator(SimulatorSettings settings, int port, Replay replay) {
		this.settings = settings;
		this.requestedPort = port;
		this.replay = replay;
		this.pbx = new SimulatedPbx(settings, this::broadcast);
	}

	/** Opens the port (loopback only) and starts accepting clients and, outside replay mode, random calls. */
	public AmiSimulator start() throws IOException {
		return start(InetAddress.getLoopbackAddress());
	}

	/**
	 * Opens the port on {@code address} — for tests whose application nodes run on test hosts of their own (network
	 * namespaces of this machine) and must all reach one PBX — and starts as {@link #start()}.
	 */
	public AmiSimulator start(InetAddress address) throws IOException {
		server = new ServerSocket(requestedPort, 50, address);
		Thread acceptor = new Thread(this::acceptLoop, "ami-sim-accept");
		acceptor.setDaemon(true);
		acceptor.start();
		if (replay == null) {
			pbx.start();
		}
		log.info("AMI simulator listening on port {} ({}{})", port(), settings,
				replay != null ? ", replaying " + replay.file().getFileName() : "");
		return this;
	}

	public int port() {
		return server.getLocalPort();
	}

	public SimulatedPbx pbx() {
		return pbx;
	}

	/** Every action received so far, in order (secrets and keys removed). */
	public List<AmiMessage> actions() {
		return new ArrayList<>(actions);
	}

	/** Events written to client sockets (all clients together). */
	public long eventsWritten() {
		return eventsWritten.get();
	}

	/** Successful logins so far. */
	public long logins() {
		return logins.get();
	}

	/** Clients connected now. */
	public int clients() {
		return sessions.size();
	}

	/** Closes every client connection at once (the server keeps listening). */
	public void dropConnections() {
		for (Session s : sessions) {
			s.close();
		}
	}

	/**
	 * While true, new clients are disconnected as soon as they connect (Asterisk down or restarting); with
	 * {@link #dropConnections()} this keeps a client reconnecting until it is set back to false.
	 */
	public void refuseConnections(boolean refuse) {
		this.refusing = refuse;
	}

	@Override
	public void close() {
		closed = true;
		try {
			if (server != null) {
				server.close();
			}
		} catch (IOException e) {
			log.debug("closing the simulator's port", e);
		}
		dropConnections();
		pbx.close();
	}

	private void acceptLoop() {
		while (!closed) {
			try {
				Socket socket = server.accept();
				if (refusing) {
					socket.close();
					continue;
				}
				socket.setTcpNoDelay(true);
				Session s = new Session(socket);
				sessions.add(s);
				Thread reader = new Thread(s::readLoop, "ami-sim-client-" + socket.getPort());
				reader.setDaemon(true);
				reader.start();
			} catch (IOException e) {
				if (!closed) {
					log.warn("AMI simulator accept failed: {}", e.toString());
				}
			}
		}
	}

	private void broadcast(AmiMessage event) {
		String wire = null;
		for (Session s : sessions) {
			if (s.loggedIn && s.eventsOn && s.replaying == null) {
				if (wire == null) {
					wire = event.toWire();
				}
				if (s.write(wire)) {
					eventsWritten.incrementAndGet();
				}
			}
		}
	}

	// ---------------------------------------------------------------- actions, on the pbx thread

	private void handle(Session s, AmiMessage action) {
		String name = AmiMessage.lower(action.get("Action"));
		String id = action.get("ActionID");
		AmiMessage recorded = new AmiMessage();
		boolean login = "login".equals(name);
		for (String[] h : action.headers()) {
			if (!h[0].equalsIgnoreCase("Secret") && !(login && h[0].equalsIgnoreCase("Key"))) {
				recorded.add(h[0], h[1]);
			}
		}
		actions.add(recorded);
		if (name == null) {
			s.write(AmiMessage.response("Error", id).add("Message", "Missing action in request").toWire());
			return;
		}
		switch (name) {
			case "challenge" -> challenge(s, action, id);
			case "login" -> login(s, action, id);
			case "logoff" -> {
				s.write(AmiMessage.response("Goodbye", id).add("Message", "Thanks for all the fish.").toWire());
				s.close();
			}
			default -> {
				if (!s.loggedIn) {
					s.write(AmiMessage.response("Error", id).add("Message", "Permission denied").toWire());
				} else {
					loggedInAction(s, name, action, id);
				}
			}
		}
	}

	private void challenge(Session s, AmiMessage action, String id) {
		if (!"md5".equalsIgnoreCase(action.get("AuthType"))) {
			s.write(AmiMessage.response("Error", id).add("Message", "Must specify AuthType").toWire());
			return;
		}
		s.challenge = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
		s.write(AmiMessage.response("Success", id).add("Challenge", s.challenge).toWire());
	}

	private void login(Session s, AmiMessage action, String id) {
		boolean userOk = settings.username().equals(action.get("Username"));
		String secret = action.get("Secret");
		String key = action.get("Key");
		boolean secretOk = secret != null && secret.equals(settings.password());
		boolean keyOk = key != null && s.challenge != null && "md5".equalsIgnoreCase(action.get("AuthType"))
				&& key.equalsIgnoreCase(md5(s.challenge + settings.password()));
		if (!userOk || !(secretOk || keyOk)) {
			log.info("AMI simulator: authentication failed for a client");
			s.write(AmiMessage.response("Error", id).add("Message", "Authentication failed").toWire());
			return;
		}
		String events = action.get("Events");
		s.eventsOn = events == null || !events.equalsIgnoreCase("off");
		s.write(AmiMessage.response("Success", id).add("Message", "Authentication accepted").toWire());
		s.write(AmiMessage.event("FullyBooted").add("Privilege", "system,all").add("Uptime", 9).add("LastReload", 9)
				.add("Status", "Fully Booted").toWire());
		s.loggedIn = true;
		logins.incrementAndGet();
		if (replay != null) {
			s.startReplay(replay);
		}
	}

	private void loggedInAction(Session s, String name, AmiMessage a, String id) {
		switch (name) {
			case "ping" -> s.write(AmiMessage.response("Success", id).add("Ping", "Pong")
					.add("Timestamp", pbx.timestamp()).toWire());
			case "events" -> {
				String mask = a.get("EventMask");
				s.eventsOn = mask == null || !mask.equalsIgnoreCase("off");
				s.write(AmiMessage.response("Success", id).add("Events", s.eventsOn ? "On" : "Off").toWire());
			}
			case "setvar" -> setvar(s, a, id);
			case "getvar" -> {
				String variable = a.get("Variable");
				if (variable == null || variable.isEmpty()) {
					s.write(AmiMessage.response("Error", id).add("Message", "No variable specified").toWire());
				} else if (a.get("Channel") != null && !a.get("Channel").isEmpty() && pbx.channel(a.get("Channel")) == null) {
					s.write(AmiMessage.response("Error", id).add("Message", "No such channel").toWire());
				} else {
					String value = pbx.getGlobal(variable);
					s.write(AmiMessage.response("Success", id).add("Variable", variable)
							.add("Value", value == null ? "" : value).toWire());
				}
			}
			case "dbput" -> {
				String family = a.get("Family");
				String key = a.get("Key");
				if (family == null || family.isEmpty() || key == null || key.isEmpty()) {
					s.write(AmiMessage.response("Error", id).add("Message", "No family specified").toWire());
				} else {
					pbx.dbPut(family, key, a.get("Val") == null ? "" : a.get("Val"));
					s.write(AmiMessage.response("Success", id).add("Message", "Updated database successfully")
							.toWire());
				}
			}
			case "dbget" -> dbget(s, a, id);
			case "queuestatus" -> {
				List<AmiMessage> list = pbx.queueStatus(a.get("Queue"), id);
				s.write(AmiMessage.response("Success", id).add("EventList", "start")
						.add("Message", "Queue status will follow").toWire());
				StringBuilder b = new StringBuilder();
				list.forEach(m -> b.append(m.toWire()));
				AmiMessage complete = AmiMessage.event("QueueStatusComplete");
				if (id != null) {
					complete.add("ActionID", id);
				}
				b.append(complete.add("EventList", "Complete").add("ListItems", list.size()).toWire());
				s.write(b.toString());
			}
			case "queuepause" -> queuePause(s, a, id);
			case "originate" -> originate(s, a, id);
			case "coresettings" -> s.write(AmiMessage.response("Success", id).add("AMIversion", "11.0.0")
					.add("AsteriskVersion", "22.10.1").add("SystemName", "").add("CoreMaxCalls", 0)
					.add("CoreMaxLoadAvg", "0.000000").add("CoreRunUser", "").add("CoreRunGroup", "")
					.add("CoreMaxFilehandles", 0).add("CoreRealTimeEnabled", "No").add("CoreCDRenabled", "No")
					.add("CoreHTTPenabled", "No").add("SoundsSearchCustomDir", "No").toWire());
			case "corestatus" -> s.write(AmiMessage.response("Success", id).add("CoreCurrentCalls",
					pbx.linesInUseNow()).toWire());
			case "command" -> s.write(AmiMessage.response("Success", id).add("Message", "Command output follows")
					.add("Output", "Asterisk 22.10.1 built by ikiiki (AMI simulator)").toWire());
			default -> s.write(AmiMessage.response("Error", id).add("Message", "Invalid/unknown command").toWire());
		}
	}

	private void setvar(Session s, AmiMessage a, String id) {
		String variable = a.get("Variable");
		String value = a.get("Value") == null ? "" : a.get("Value");
		String channel = a.get("Channel");
		if (variable == null || variable.isEmpty()) {
			s.write(AmiMessage.response("Error", id).add("Message", "No variable specified").toWire());
			return;
		}
		if (channel != null && !channel.isEmpty()) {
			SimChannel ch = pbx.channel(channel);
			if (ch == null) {
				s.write(AmiMessage.response("Error", id).add("Message", "No such channel").toWire());
				return;
			}
			s.write(AmiMessage.response("Success", id).add("Message", "Variable Set").toWire());
			pbx.setChannelVariable(ch, variable, value);
			return;
		}
		s.write(AmiMessage.response("Success", id).add("Message", "Variable Set").toWire());
		pbx.setGlobal(variable, value);
	}

	private void dbget(Session s, AmiMessage a, String id) {
		String family = a.get("Family");
		String key = a.get("Key");
		String value = family == null || key == null ? null : pbx.dbGet(family, key);
		if (value == null) {
			s.write(AmiMessage.response("Error", id).add("Message", "Database entry not found").toWire());
			return;
		}
		StringBuilder b = new StringBuilder();
		b.append(AmiMessage.response("Success", id).add("EventList", "start").add("Message", "Result will follow")
				.toWire());
		AmiMessage row = AmiMessage.event("DBGetResponse").add("Family", family).add("Key", key).add("Val", value);
		b.append((id == null ? row : row.add("ActionID", id)).toWire());
		AmiMessage complete = AmiMessage.event("DBGetComplete");
		if (id != null) {
			complete.add("ActionID", id);
		}
		b.append(complete.add("EventList", "Complete").add("ListItems", 1).toWire());
		s.write(b.toString());
	}

	private void queuePause(Session s, AmiMessage a, String id) {
		String iface = a.get("Interface");
		String paused = a.get("Paused");
		if (iface == null || paused == null) {
			s.write(AmiMessage.response("Error", id).add("Message", "Need 'Interface' and 'Paused' parameters.")
					.toWire());
			return;
		}
		boolean pause = paused.equalsIgnoreCase("true") || paused.equalsIgnoreCase("yes") || paused.equals("1");
		String queue = a.get("Queue");
		boolean known = pbx.queueStatus(queue, null).stream()
				.anyMatch(m -> "QueueMember".equals(m.eventName()) && iface.equalsIgnoreCase(m.get("Location")));
		if (!known) {
			s.write(AmiMessage.response("Error", id).add("Message", "Interface not found").toWire());
			return;
		}
		s.write(AmiMessage.response("Success", id)
				.add("Message", pause ? "Interface paused successfully" : "Interface unpaused successfully").toWire());
		pbx.pause(iface, pause, a.get("Reason"));
	}

	private void originate(Session s, AmiMessage a, String id) {
		if (a.get("Channel") == null || a.get("Channel").isEmpty()) {
			s.write(AmiMessage.response("Error", id).add("Message", "Channel not specified").toWire());
			return;
		}
		String number = "";
		String callerName = "";
		String callerId = a.get("CallerID");
		if (callerId != null) {
			Matcher m = CALLER_ID.matcher(callerId);
			if (m.matches()) {
				callerName = m.group(1).trim();
				number = m.group(2).trim();
			} else {
				number = callerId.trim();
			}
		}
		String data = a.get("Data") == null ? "" : a.get("Data");
		double patience;
		try {
			patience = data.isEmpty() ? 1_000 : Double.parseDouble(data.trim());
		} catch (NumberFormatException e) {
			patience = 1_000;
		}
		String channelId = a.get("ChannelId");
		String label = channelId != null && channelId.endsWith("-caller")
				? channelId.substring(0, channelId.length() - "-caller".length())
				: null;
		s.write(AmiMessage.response("Success", id).add("Message", "Originate successfully queued").toWire());
		pbx.originate(new CallSpec(label, number, callerName, patience, pbx.randomRing(), pbx.randomTalk()), id, data);
	}

	static String md5(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	// ---------------------------------------------------------------- one client

	private final class Session {
		private final Socket socket;
		private final OutputStream out;
		volatile boolean loggedIn;
		volatile boolean eventsOn = true;
		volatile Thread replaying;
		String challenge;
		private volatile boolean gone;

		Session(Socket socket) throws IOException {
			this.socket = socket;
			this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
		}

		void readLoop() {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
				write(BANNER);
				List<String> lines = new ArrayList<>();
				String line;
				while ((line = in.readLine()) != null) {
					if (line.isEmpty()) {
						if (!lines.isEmpty()) {
							AmiMessage action = AmiMessage.parse(lines);
							lines = new ArrayList<>();
							pbx.execute(() -> handle(this, action));
						}
					} else {
						lines.add(line);
					}
				}
			} catch (IOException e) {
				log.debug("AMI simulator client gone: {}", e.toString());
			} finally {
				close();
			}
		}

		/** Writes and flushes; false (and the session closed) when the client is gone. */
		synchronized boolean write(String text) {
			if (gone) {
				return false;
			}
			try {
				out.write(text.getBytes(StandardCharsets.UTF_8));
				out.flush();
				return true;
			} catch (IOException e) {
				close();
				return false;
			}
		}

		void startReplay(Replay r) {
			Thread t = new Thread(() -> replay(r), "ami-sim-replay-" + socket.getPort());
			t.setDaemon(true);
			replaying = t;
			t.start();
		}

		/** Streams the recording block by block (a recording may be far larger than the heap), each round anew. */
		private void replay(Replay r) {
			try {
				for (int round = 0; round < r.repeat() && !gone; round++) {
					double firstTs = -1;
					long startNanos = System.nanoTime();
					try (BufferedReader in = Files.newBufferedReader(r.file(), StandardCharsets.UTF_8)) {
						StringBuilder block = new StringBuilder();
						while (!gone) {
							String line = in.readLine();
							if (line != null && !line.isEmpty()) {
								if (!block.isEmpty()) {
									block.append("\r\n");
								}
								block.append(line);
								continue;
							}
							if (!block.isEmpty() && block.indexOf("Event:") == 0) {
								String event = block.toString();
								if (r.speed() > 0) {
									double ts = timestampOf(event);
									if (ts > 0) {
										if (firstTs < 0) {
											firstTs = ts;
										}
										long due = startNanos + (long) ((ts - firstTs) / r.speed() * 1e9);
										long wait = due - System.nanoTime();
										if (wait > 0) {
											Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
										}
									}
								}
								if (write(event + "\r\n\r\n")) {
									eventsWritten.incrementAndGet();
								}
							}
							block.setLength(0);
							if (line == null) {
								break;
							}
						}
					}
				}
			} catch (IOException e) {
				log.warn("AMI simulator cannot replay {}: {}", r.file(), e.toString());
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

		void close() {
			gone = true;
			sessions.remove(this);
			try {
				socket.close();
			} catch (IOException e) {
				log.debug("closing a simulator client", e);
			}
		}
	}

	private static double timestampOf(String block) {
		int at = block.indexOf("\r\nTimestamp: ");
		if (at < 0) {
			return -1;
		}
		int end = block.indexOf("\r\n", at + 2);
		String value = block.substring(at + "\r\nTimestamp: ".length(), end < 0 ? block.length() : end);
		try {
			return Double.parseDouble(value.toLowerCase(Locale.ROOT));
		} catch (NumberFormatException e) {
			return -1;
		}
	}

}
