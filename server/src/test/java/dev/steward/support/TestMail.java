package dev.steward.support;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP relay of every test context: one in-process GreenMail per JVM on a port chosen once,
 * which {@link TestDatabases} gives the contexts. Tests that send mail {@link #start()} it and
 * {@link #reset()} it; contexts of tests that send none never connect.
 */
public final class TestMail {

    public static final int PORT = freePort();

    private static GreenMail greenMail;

    private TestMail() {
    }

    public static synchronized GreenMail start() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
        return greenMail;
    }

    public static synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** The bodies of the messages received for {@code address}, oldest first, soft line breaks joined. */
    public static java.util.List<String> bodiesTo(GreenMail mail, String address) throws jakarta.mail.MessagingException {
        java.util.List<String> bodies = new java.util.ArrayList<>();
        for (jakarta.mail.internet.MimeMessage m : mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                bodies.add(com.icegreen.greenmail.util.GreenMailUtil.getBody(m).replace("=\r\n", "")
                        .replace("\r\n", "\n"));
            }
        }
        return bodies;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the test SMTP relay", e);
        }
    }
}
