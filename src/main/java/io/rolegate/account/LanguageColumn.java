package io.rolegate.account;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import io.rolegate.web.Language;

/** Stores a {@link Language} as its code ({@code en}, {@code ja}), the values the columns' checks allow. */
@Converter(autoApply = true)
public class LanguageColumn implements AttributeConverter<Language, String> {

    @Override
    public String convertToDatabaseColumn(Language language) {
        return language == null ? null : language.code();
    }

    @Override
    public Language convertToEntityAttribute(String code) {
        return code == null ? null : Language.parse(code).orElseThrow();
    }
}
