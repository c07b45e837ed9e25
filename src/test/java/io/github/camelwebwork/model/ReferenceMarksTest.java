package io.github.camelwebwork.model;

import java.io.File;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.camelwebwork.client.WebworkJson;
import io.github.camelwebwork.operation.ReferenceMarks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps {@link ReferenceMarks} in step with the models: every model has a mark, every marked field exists. */
class ReferenceMarksTest {

    private final ObjectMapper mapper = WebworkJson.newMapper();

    @Test
    void everyConcreteModelHasItsMarks() throws Exception {
        assertThat(ReferenceMarks.all().keySet()).containsExactlyInAnyOrderElementsOf(concreteModels());
    }

    @Test
    void everyFieldMarkedApartNamesAFieldOfItsModel() {
        ReferenceMarks.all().forEach((type, marks) -> {
            BeanDescription description = mapper.getDeserializationConfig()
                    .introspect(mapper.constructType(type));
            Set<String> names = description.findProperties().stream().map(BeanPropertyDefinition::getName)
                    .collect(Collectors.toSet());
            assertThat(names).as(type.getSimpleName()).containsAll(marks.exceptions());
        });
    }

    @Test
    void theFieldsTheIssueNamesAreMarkedAsTheReferenceHasThem() {
        assertThat(ReferenceMarks.of(Project.class, "status")).isEqualTo(ReferenceMarks.Mark.UNKNOWN);
        assertThat(ReferenceMarks.of(Project.class, "name")).isEqualTo(ReferenceMarks.Mark.CONFIRMED);
        assertThat(ReferenceMarks.of(Task.class, "title")).isEqualTo(ReferenceMarks.Mark.CONFIRMED);
        assertThat(ReferenceMarks.of(ExpenseCategory.class, "name")).isEqualTo(ReferenceMarks.Mark.INFERRED);
        assertThat(ReferenceMarks.of(Leave.class, "total")).isEqualTo(ReferenceMarks.Mark.INFERRED);
    }

    private static List<Class<?>> concreteModels() throws URISyntaxException, ClassNotFoundException {
        File dir = new File(WebworkModel.class.getResource("WebworkModel.class").toURI()).getParentFile();
        List<Class<?>> models = new ArrayList<>();
        for (String file : dir.list()) {
            if (!file.endsWith(".class") || file.contains("$")) {
                continue;
            }
            Class<?> type = Class.forName(WebworkModel.class.getPackageName() + "." + file.replace(".class", ""));
            if (WebworkModel.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                models.add(type);
            }
        }
        return models;
    }
}
