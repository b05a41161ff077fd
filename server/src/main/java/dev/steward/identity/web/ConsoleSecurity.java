package dev.steward.identity.web;

import org.springframework.http.HttpStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import dev.steward.identity.SignIn;
import dev.steward.identity.TokenIssuer;
import dev.steward.platform.Problems;

/**
 * Two doors: the API (bearer tokens, stateless, no cookies, so no CSRF) and the console
 * (session cookie after password and second factor, CSRF tokens on every form). Both send
 * strict security headers.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    /** Authority of a fully signed-in caller (second factor passed where required). */
    static final String FULL = "FULL";
    /** Authority of a provider staff member who still has to enrol a second factor. */
    static final String ENROLMENT = "MFA_ENROLMENT";

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * Sign-in and access decisions stay observed (metrics of refused and granted requests); the
     * per-filter timing of every request does not: it wrapped each of the chain's filters in an
     * observation of its own, a quarter of the CPU a bare API request costs.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenIssuer tokens) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(
                        new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .addFilterBefore(new ApiTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/ping").permitAll().anyRequest().hasAuthority(FULL))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            res.setHeader("WWW-Authenticate", "Bearer");
                            Problems.write(res, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                                    "send Authorization: Bearer <API token>");
                        })
                        .accessDeniedHandler((req, res, ex) -> Problems.write(res, HttpStatus.FORBIDDEN, "forbidden",
                                "Forbidden", "your role does not allow this")));
        headers(http, CSP);
        return http.build();
    }

    /**
     * Swagger UI applies inline styles: its pages (and only they) may use them. Scripts stay
     * limited to the server's own files.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiReference(HttpSecurity http) throws Exception {
        http.securityMatcher("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        headers(http, CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain console(HttpSecurity http, SecurityContextRepository contexts, SignIn signIn) throws Exception {
        http.securityContext(c -> c.securityContextRepository(contexts))
                .addFilterAfter(new SessionStandingFilter(signIn), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/login/**", "/invite/**", "/css/**", "/js/**", "/webjars/**",
                                "/favicon.ico", "/error", "/denied", "/.well-known/steward/**")
                        .permitAll()
                        // the tenants' public privacy pages: data subjects have no account
                        .requestMatchers("/privacy/*", "/privacy/*/confirm/*", "/privacy/*/requests/*",
                                "/privacy/*/requests/*/clarification").permitAll()
                        // the tenants' public complaint forms: complainants have no account either
                        .requestMatchers("/privacy/*/complaint").permitAll()
                        // single-use download links of answered requests (rights.SelfService#download)
                        .requestMatchers("/privacy/*/downloads/*").permitAll()
                        .requestMatchers("/mfa/enrol", "/mfa/enrol/**", "/logout").hasAnyAuthority(FULL, ENROLMENT)
                        .anyRequest().hasAuthority(FULL))
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                        .accessDeniedHandler(deniedPage()));
        headers(http, CSP);
        return http.build();
    }

    private static org.springframework.security.web.access.AccessDeniedHandler deniedPage() {
        var handler = new org.springframework.security.web.access.AccessDeniedHandlerImpl();
        handler.setErrorPage("/denied");
        return handler;
    }

    private static void headers(HttpSecurity http, String csp) throws Exception {
        http.headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(csp))
                .httpStrictTransportSecurity(s -> s.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentTypeOptions(c -> { })
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=()"))
                .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
    }
}
