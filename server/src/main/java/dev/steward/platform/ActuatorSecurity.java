package dev.steward.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The management endpoints (SEC-7). Health probes are open and say only UP or DOWN; everything
 * else ({@code /actuator/prometheus}, {@code /actuator/info}, ...) needs the scrape token: metrics
 * such as refused sign-ins by reason would tell an outsider which guesses met real accounts. With
 * no {@code steward.metrics.scrape-token} configured they are closed to everyone.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    static final String SCRAPE_TOKEN = "steward.metrics.scrape-token";

    private static final Logger log = LoggerFactory.getLogger(ActuatorSecurity.class);

    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http, @Value("${" + SCRAPE_TOKEN + ":}") String token) throws Exception {
        ScrapeTokenFilter scrapeToken = new ScrapeTokenFilter(token);
        if (!scrapeToken.open()) {
            log.info("metrics closed: set {} to let a scraper read /actuator/prometheus", SCRAPE_TOKEN);
        }
        http.securityMatcher("/actuator", "/actuator/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .addFilterBefore(scrapeToken, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasAuthority(ScrapeTokenFilter.AUTHORITY))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            res.setHeader("WWW-Authenticate", "Bearer");
                            Problems.write(req, res, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                                    "send Authorization: Bearer <scrape token>");
                        })
                        .accessDeniedHandler((req, res, ex) -> Problems.write(req, res, HttpStatus.UNAUTHORIZED,
                                "unauthenticated", "Unauthenticated", "send Authorization: Bearer <scrape token>")));
        return http.build();
    }
}
