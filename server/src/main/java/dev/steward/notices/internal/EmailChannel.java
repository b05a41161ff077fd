package dev.steward.notices.internal;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Email over SMTP. The Message-ID is derived from the delivery id, so every retry of one delivery
 * carries the same one and a receiver (or its mail client) sees one message however often it came.
 * The sender is ours, not a bean, so that Boot's mail health check does not turn the whole server
 * DOWN while a relay is away: an unreachable relay only delays mail, it is retried.
 */
public final class EmailChannel {

    /** Where mail goes. {@code tls}: {@code starttls} (required), {@code smtps} (TLS from the first byte) or {@code none}. */
    public record Relay(String host, int port, String username, String password, String tls, String from,
            String messageIdDomain) {

        public boolean configured() {
            return host != null && !host.isBlank();
        }

        @Override
        public String toString() {
            return "Relay[" + host + ":" + port + ", tls=" + tls + "]";
        }
    }

    private final Relay relay;
    private final JavaMailSenderImpl sender;

    public EmailChannel(Relay relay) {
        this.relay = relay;
        this.sender = new JavaMailSenderImpl();
        if (!relay.configured()) {
            return;
        }
        sender.setHost(relay.host());
        sender.setPort(relay.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        if (relay.username() != null && !relay.username().isBlank()) {
            sender.setUsername(relay.username());
            sender.setPassword(relay.password());
        }
        Properties p = new Properties();
        p.put("mail.smtp.auth", String.valueOf(relay.username() != null && !relay.username().isBlank()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        switch (relay.tls()) {
            case "starttls" -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case "smtps" -> {
                sender.setProtocol("smtps");
                p.put("mail.smtps.ssl.checkserveridentity", "true");
            }
            case "none" -> {
            }
            default -> throw new IllegalArgumentException("steward.notices.mail.tls must be starttls, smtps or none");
        }
        sender.setJavaMailProperties(p);
    }

    public void send(NoticeRows.Outgoing out) throws DeliveryFailed {
        if (!relay.configured()) {
            throw new DeliveryFailed("mail-not-configured", null);
        }
        try {
            MimeMessage message = new StableIdMessage(sender.getSession(),
                    "<" + out.delivery().id() + "@" + relay.messageIdDomain() + ">");
            message.setFrom(new InternetAddress(relay.from()));
            message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(out.delivery().recipient()));
            message.setSubject(out.subject(), StandardCharsets.UTF_8.name());
            message.setText(out.body(), StandardCharsets.UTF_8.name());
            message.setHeader("X-Steward-Topic", out.topic().name());
            message.setSentDate(java.util.Date.from(out.createdAt()));
            sender.send(message);
        } catch (MailAuthenticationException e) {
            throw new DeliveryFailed("smtp-auth", e);
        } catch (MailSendException e) {
            throw new DeliveryFailed("smtp-refused", e);
        } catch (MailException e) {
            throw new DeliveryFailed("smtp-unreachable", e);
        } catch (MessagingException e) {
            throw new DeliveryFailed("bad-address", e);
        }
    }

    /** A message whose Message-ID is ours: JavaMail would otherwise make a new one on every send. */
    private static final class StableIdMessage extends MimeMessage {

        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
