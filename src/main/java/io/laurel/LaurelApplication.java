package io.laurel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Laurel: award nomination and selection campaigns as BPMN processes on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LaurelApplication {

    public static void main(String[] args) {
        SpringApplication.run(LaurelApplication.class, args);
    }
}
