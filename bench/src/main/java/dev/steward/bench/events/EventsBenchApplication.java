package dev.steward.bench.events;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;

/** The smallest Spring Boot application that has the JDBC publication registry, as the server has it. */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableAsync
class EventsBenchApplication {

    @Bean
    BenchListener benchListener() {
        return new BenchListener();
    }
}
