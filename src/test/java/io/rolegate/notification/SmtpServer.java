package io.rolegate.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) in the test JVM, and the configuration that turns Rolegate's e-mail on and points it
 * there. Tests read what arrived, and can take the server down to see sending fail and bring it back on the same port.
 *
 * <p>Rolegate talks to GreenMail through a {@link Relay} on the published port. Going down closes the relay's listener
 * only: new connections are refused at once, as with a server that went away, while a conversation already under way
 * (an e-mail of an earlier test still saying QUIT) ends normally. Stopping GreenMail itself mid-conversation leaves
 * the client waiting for an answer that never comes until the mailer's timeout, which made later e-mails late.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    public static final String FROM = "rolegate@vendor.example";
    public static final String STAFF = "security@vendor.example";
    public static final String PUBLIC_URL = "http://rolegate.vendor.example:8443/";

    private static volatile GreenMail server;
    private static volatile Relay relay;

    @Override
    public Map<String, String> start() {
        GreenMail started = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        started.start();
        server = started;
        relay = new Relay(freePort(), started.getSmtp().getPort());
        relay.open();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(relay.port),
                "quarkus.mailer.own-host-name", "localhost",
                // Tests send what is due themselves (Notifier#deliverDue), so no background round races them.
                "rolegate.mail.retry-every", "off",
                "rolegate.mail.from", FROM,
                "rolegate.notifications.staff-address", STAFF,
                "rolegate.public-url", PUBLIC_URL);
    }

    @Override
    public void stop() {
        if (relay != null) {
            relay.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    /** The server goes away: new connections to its port are refused. */
    public static void down() {
        relay.close();
    }

    /** The server is back on the same port; nothing changes when it is up. */
    public static void up() {
        relay.open();
    }

    /** Waits until at least {@code count} messages arrived in all (a wait for an event, not a sleep). */
    public static List<MimeMessage> awaitMessages(int count, Duration atMost) {
        server.waitForIncomingEmail(atMost.toMillis(), count);
        return received();
    }

    public static List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    /** The messages that arrived for {@code address}. */
    public static List<MimeMessage> to(String address) {
        return received().stream().filter(message -> recipients(message).contains(address)).toList();
    }

    public static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of a plain-text message. */
    public static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Relays TCP connections from {@code port} to GreenMail, a thread per direction; closing stops accepting new
     * connections and leaves established ones to finish.
     */
    private static final class Relay {

        final int port;
        private final int target;
        private ServerSocket listener;

        Relay(int port, int target) {
            this.port = port;
            this.target = target;
        }

        synchronized void open() {
            if (listener != null) {
                return;
            }
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress("127.0.0.1", port));
                listener = socket;
                daemon("smtp-relay", () -> accept(socket));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            greeted();
        }

        /**
         * Returns once the relay answers as an SMTP server does (GreenMail's 220 greeting through it; then QUIT), so
         * a test's next e-mail never races the relay's opening.
         */
        private void greeted() {
            IOException last = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                try (Socket probe = new Socket("127.0.0.1", port)) {
                    probe.setSoTimeout(2_000);
                    BufferedReader reader = new BufferedReader(new InputStreamReader(probe.getInputStream(),
                            StandardCharsets.US_ASCII));
                    String greeting = reader.readLine();
                    if (greeting != null && greeting.startsWith("220")) {
                        probe.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                        reader.readLine();
                        return;
                    }
                } catch (IOException e) {
                    last = e;
                }
            }
            throw new IllegalStateException("The SMTP relay on port " + port + " never greeted", last);
        }

        synchronized void close() {
            if (listener == null) {
                return;
            }
            try {
                listener.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                listener = null;
            }
        }

        private void accept(ServerSocket socket) {
            while (!socket.isClosed()) {
                Socket client;
                try {
                    client = socket.accept();
                } catch (IOException closed) {
                    return;
                }
                // A connection GreenMail refuses ends that client's conversation only; the relay keeps accepting
                // (ending the loop here left later clients connected to nobody, waiting for a greeting).
                try {
                    Socket smtp = new Socket("127.0.0.1", target);
                    daemon("smtp-relay-in", () -> pump(client, smtp));
                    daemon("smtp-relay-out", () -> pump(smtp, client));
                } catch (IOException refused) {
                    closeQuietly(client);
                }
            }
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }

        /** Copies until either side ends, then ends both, as the SMTP conversation is over. */
        private static void pump(Socket from, Socket to) {
            try (from; to) {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException ended) {
                // the other direction closed the pair first
            }
        }

        private static void daemon(String name, Runnable work) {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            thread.start();
        }
    }
}
