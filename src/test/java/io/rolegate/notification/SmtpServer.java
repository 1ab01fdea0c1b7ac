package io.rolegate.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
 * there. Tests read what arrived, and can stop the server to see sending fail and start it again on the same port.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    public static final String FROM = "rolegate@vendor.example";
    public static final String STAFF = "security@vendor.example";
    public static final String PUBLIC_URL = "http://rolegate.vendor.example:8443/";

    private static volatile GreenMail server;
    private static volatile boolean running;
    private static int port;

    @Override
    public Map<String, String> start() {
        port = freePort();
        startServer();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(port),
                "quarkus.mailer.own-host-name", "localhost",
                "rolegate.mail.from", FROM,
                "rolegate.notifications.staff-address", STAFF,
                "rolegate.public-url", PUBLIC_URL);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The server goes away: connections to its port are refused. */
    public static synchronized void down() {
        server.stop();
        running = false;
    }

    /** The server is back, empty, on the same port; nothing changes when it is running. */
    public static synchronized void up() {
        if (!running) {
            startServer();
        }
    }

    public static void purge() {
        server.reset();
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

    private static void startServer() {
        GreenMail started = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        started.start();
        server = started;
        running = true;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
