package dev.steward;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Steward: processes customers' personal data exactly as the provider's cloud security policy promises. */
// Left out: Spring's default user store (accounts are Steward's own); Tomcat's JMX-based metrics (they
// need Tomcat's MBean registry, which is off, and cost every start the platform MBean server);
// build-info beans nothing reads; exception-translating proxies around repositories whose
// JdbcClient already translates; multipart parsing, which no endpoint accepts. No @EnableScheduling: background
// work runs once across nodes through dev.steward.jobs.
@SpringBootApplication(excludeName = {
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.tomcat.autoconfigure.metrics.TomcatMetricsAutoConfiguration",
        "org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration",
        "org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration",
        "org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration" })
public class StewardApplication {

    public static void main(String[] args) {
        SpringApplication.run(StewardApplication.class, args);
    }
}
