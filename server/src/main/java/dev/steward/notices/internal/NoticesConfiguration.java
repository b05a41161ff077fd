package dev.steward.notices.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import dev.steward.evidence.SystemLog;
import tools.jackson.databind.json.JsonMapper;

/** Wires the delivery channels and the worker from {@code steward.notices.*}; every bean unconditional (Spring AOT). */
@Configuration(proxyBeanMethods = false)
class NoticesConfiguration {

    @Bean
    NoticeSettings noticeSettings(@Value("${steward.notices.max-attempts:8}") int maxAttempts,
            @Value("${steward.notices.first-retry:PT30S}") Duration firstRetry,
            @Value("${steward.notices.max-retry:PT6H}") Duration maxRetry,
            @Value("${steward.notices.webhook-timeout:PT10S}") Duration webhookTimeout,
            @Value("${steward.notices.rotation-overlap:PT24H}") Duration rotationOverlap,
            @Value("${steward.notices.plain-http-webhooks:false}") boolean plainHttp,
            @Value("${steward.notices.private-webhook-addresses:false}") boolean privateAddresses) {
        return new NoticeSettings(maxAttempts, firstRetry, maxRetry, webhookTimeout, rotationOverlap, plainHttp,
                privateAddresses);
    }

    @Bean
    EmailChannel emailChannel(@Value("${steward.notices.mail.host:}") String host,
            @Value("${steward.notices.mail.port:587}") int port,
            @Value("${steward.notices.mail.username:}") String username,
            @Value("${steward.notices.mail.password:}") String password,
            @Value("${steward.notices.mail.tls:starttls}") String tls,
            @Value("${steward.notices.mail.from:steward@localhost}") String from,
            @Value("${steward.notices.mail.message-id-domain:steward.invalid}") String messageIdDomain) {
        return new EmailChannel(new EmailChannel.Relay(host, port, username, password, tls, from, messageIdDomain));
    }

    @Bean
    WebhookChannel webhookChannel(NoticeSettings settings, Clock clock) {
        return new WebhookChannel(settings.webhookTimeout(), settings.privateWebhookAddresses(), clock);
    }

    @Bean
    DeliveryPace deliveryPace(@Value("${steward.notices.deliver-interval:PT10S}") Duration interval,
            @Value("${steward.notices.deliver-batch:100}") int batch,
            @Value("${steward.notices.deliver-concurrency:8}") int concurrency,
            @Value("${steward.notices.deliver-budget:PT30S}") Duration budget) {
        return new DeliveryPace(interval, batch, concurrency, budget);
    }

    @Bean
    DeliveryJob noticeDeliveryJob(NoticeRows rows, WebhookRows webhooks, InboxRows inbox, NoticeKeys keys,
            EmailChannel email, WebhookChannel webhook, NoticeSettings settings, SystemLog log, TransactionTemplate tx,
            JsonMapper json, Clock clock, DeliveryPace pace, MeterRegistry meters,
            ObjectProvider<SentObserver> observers) {
        return new DeliveryJob(rows, webhooks, inbox, keys, email, webhook,
                new Backoff(settings, RandomGenerator.getDefault()), log, tx, json, clock, pace, meters,
                observers.orderedStream().toList());
    }
}
