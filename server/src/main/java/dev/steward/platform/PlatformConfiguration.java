package dev.steward.platform;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

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

    /** Before Spring Security's chain: an oversized body is refused before anyone reads it. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${" + RequestBodyLimitFilter.BODY_SETTING + ":2MB}") DataSize body,
            @Value("${" + RequestBodyLimitFilter.STREAMED_SETTING + ":1GB}") DataSize streamed) {
        FilterRegistrationBean<RequestBodyLimitFilter> bean = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(body.toBytes(), streamed.toBytes()));
        bean.setOrder(-200);
        bean.addUrlPatterns("/*");
        return bean;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys, Clock clock,
            @Value("${" + RequestBodyLimitFilter.BODY_SETTING + ":2MB}") DataSize body) {
        FilterRegistrationBean<IdempotencyFilter> bean = new FilterRegistrationBean<>(
                new IdempotencyFilter(keys, clock, Math.toIntExact(body.toBytes())));
        bean.setOrder(1);
        bean.addUrlPatterns("/api/*");
        return bean;
    }

    @Bean
    WebMvcConfigurer shownOnceFields() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ShownOnceInterceptor()).addPathPatterns("/api/**");
            }
        };
    }
}
