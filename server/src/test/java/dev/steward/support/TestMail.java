package dev.steward.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
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

    /** The bodies of the messages the relay received for {@code address} (see {@link #bodiesTo(GreenMail, String)}). */
    public static List<String> bodiesTo(String address) throws MessagingException {
        return bodiesTo(start(), address);
    }

    /** The bodies of the messages {@code mail} received for {@code address}, oldest first, soft line breaks undone. */
    public static List<String> bodiesTo(GreenMail mail, String address) throws MessagingException {
        List<String> bodies = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                bodies.add(GreenMailUtil.getBody(m).replace("=\r\n", "").replace("\r\n", "\n"));
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
