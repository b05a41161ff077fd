package dev.steward.platform;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared infrastructure: the clock every deadline reads, and the tenant scope of each request. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FilterRegistrationBean<TenantScopeFilter> tenantScopeFilter() {
        // Runs after Spring Security's chain (order -100), before the controllers.
        FilterRegistrationBean<TenantScopeFilter> bean = new FilterRegistrationBean<>(new TenantScopeFilter());
        bean.setOrder(0);
        bean.addUrlPatterns("/*");
        return bean;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys, Clock clock) {
        FilterRegistrationBean<IdempotencyFilter> bean = new FilterRegistrationBean<>(new IdempotencyFilter(keys, clock));
        bean.setOrder(1);
        bean.addUrlPatterns("/api/*");
        return bean;
    }
}
