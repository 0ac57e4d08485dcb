package laurelbench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The baseline of the start-up benchmark (P5): a bare Camunda Spring Boot starter application — the
 * engine on H2, a servlet container and Actuator health, nothing of Laurel. It runs from the test
 * classpath in a forked JVM with {@code --spring.config.location=classpath:bench/bare-camunda.yml}, which
 * replaces Laurel's application.yml and switches off what the test classpath would otherwise add
 * (JPA, Flyway with Laurel's migrations, security, mail, Thymeleaf, Camunda webapps and REST).
 *
 * <p>Deliberately outside {@code io.laurel}: Laurel's component scan (and so every @SpringBootTest context)
 * would otherwise pick this class up as a configuration with its own auto-configuration and scan.
 */
@SpringBootApplication
public class BareCamundaApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareCamundaApplication.class, args);
    }
}
