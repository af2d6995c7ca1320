package jp.ikiiki.desk.platform.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Test hosts on this machine: network namespaces joined by a bridge, each with its own address on a private
 * /24 ({@code 10.213.77.0/24}: the bridge is {@code .1}, the hosts {@code .2} on). Only these addresses and
 * loopback are ever targets. Needs root and iproute2; {@link #unavailable()} says why not otherwise.
 */
final class TestHosts implements AutoCloseable {

	static final String SUBNET = "10.213.77.";
	static final String BRIDGE_ADDRESS = SUBNET + "1";

	private final String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
	private final String bridge = "ikbr" + suffix;
	private final List<String> namespaces = new ArrayList<>();

	/** Why test hosts cannot be made here (not root, no iproute2, no namespaces), or empty when they can. */
	static Optional<String> unavailable() {
		if (!"root".equals(System.getProperty("user.name"))) {
			return Optional.of("network namespaces need root (ip netns add); running as " + System.getProperty("user.name"));
		}
		if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip"))) {
			return Optional.of("iproute2 (ip) is not installed");
		}
		String probe = "ikprobe" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
		try {
			run("ip", "netns", "add", probe);
			run("ip", "netns", "delete", probe);
			return Optional.empty();
		} catch (IOException e) {
			return Optional.of("cannot make a network namespace here: " + e.getMessage());
		}
	}

	TestHosts() throws IOException {
		run("ip", "link", "add", bridge, "type", "bridge");
		run("ip", "addr", "add", BRIDGE_ADDRESS + "/24", "dev", bridge);
		run("ip", "link", "set", bridge, "up");
	}

	/** Makes host {@code n} (2–254) and returns its namespace's name; its address is {@code SUBNET + n}. */
	String host(String name, int n) throws IOException {
		String ns = "ik-" + name + "-" + suffix;
		String veth = "ikv" + name + suffix;
		run("ip", "netns", "add", ns);
		namespaces.add(ns);
		run("ip", "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", ns);
		run("ip", "link", "set", veth, "master", bridge, "up");
		run("ip", "netns", "exec", ns, "ip", "addr", "add", SUBNET + n + "/24", "dev", "eth0");
		run("ip", "netns", "exec", ns, "ip", "link", "set", "eth0", "up");
		run("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
		return ns;
	}

	/** The command run inside {@code ns}. */
	static List<String> in(String ns, List<String> command) {
		List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns));
		all.addAll(command);
		return all;
	}

	static String run(String... command) throws IOException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			if (!p.waitFor(60, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new IOException(String.join(" ", command) + ": timed out");
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (p.exitValue() != 0) {
			throw new IOException(String.join(" ", command) + " → " + p.exitValue() + ": " + out.strip());
		}
		return out;
	}

	@Override
	public void close() {
		for (String ns : namespaces) {
			try {
				run("ip", "netns", "delete", ns);
			} catch (IOException e) {
				System.err.println("test host not removed: " + e.getMessage());
			}
		}
		try {
			run("ip", "link", "delete", bridge);
		} catch (IOException e) {
			System.err.println("test bridge not removed: " + e.getMessage());
		}
	}
}
