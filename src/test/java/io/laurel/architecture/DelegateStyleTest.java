package io.laurel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * One delegate style: what a model calls by {@code camunda:delegateExpression} is a top-level class of its own,
 * {@code @Component("beanName") class X implements JavaDelegate} (or a listener), never a {@code @Bean} lambda.
 */
class DelegateStyleTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.laurel");

    @Test
    void delegates_and_listeners_are_top_level_components() {
        classes().that().implement(JavaDelegate.class).or().implement(TaskListener.class)
                .or().implement(ExecutionListener.class)
                .should().beAnnotatedWith(Component.class).andShould().notBeNestedClasses()
                .check(MAIN);
    }

    @Test
    void no_bean_method_returns_a_delegate_or_listener() {
        methods().that().areAnnotatedWith(Bean.class)
                .should().notHaveRawReturnType(JavaDelegate.class)
                .andShould().notHaveRawReturnType(TaskListener.class)
                .andShould().notHaveRawReturnType(ExecutionListener.class)
                .check(MAIN);
    }
}
