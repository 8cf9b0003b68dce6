package org.motcua.dossier;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/** Stores the channel as its national code 1, 2, 3. */
@Converter
class ChannelConverter implements AttributeConverter<Channel, Integer> {

  @Override
  public Integer convertToDatabaseColumn(Channel channel) {
    return channel == null ? null : channel.code();
  }

  @Override
  public Channel convertToEntityAttribute(Integer code) {
    return code == null ? null
        : Arrays.stream(Channel.values()).filter(c -> c.code() == code).findFirst().orElseThrow();
  }
}
