package dev.steward.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Tells {@link IdempotencyFilter}, which runs before any handler is chosen, which fields of the
 * chosen handler's answer are {@link ShownOnce}.
 */
final class ShownOnceInterceptor implements HandlerInterceptor {

    static final String ATTRIBUTE = ShownOnce.class.getName();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            ShownOnce shownOnce = method.getMethodAnnotation(ShownOnce.class);
            if (shownOnce != null) {
                request.setAttribute(ATTRIBUTE, java.util.List.of(shownOnce.value()));
            }
        }
        return true;
    }
}
