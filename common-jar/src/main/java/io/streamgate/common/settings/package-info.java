/**
 * Settings described once: {@link io.streamgate.common.settings.Setting} carries a setting's name,
 * default, rule and meaning. Each WAR lists its settings in one record that reads and checks them
 * at start-up; the README and the system tests are checked against those lists. The settings both
 * WARs read are described here, in {@link io.streamgate.common.settings.SharedSettings}.
 */
package io.streamgate.common.settings;
