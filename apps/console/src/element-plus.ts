import type { App, Plugin } from 'vue';
import {
  ElAlert,
  ElButton,
  ElCard,
  ElCheckbox,
  ElCol,
  ElConfigProvider,
  ElContainer,
  ElDatePicker,
  ElDescriptions,
  ElDialog,
  ElForm,
  ElInput,
  ElInputNumber,
  ElLoading,
  ElPopconfirm,
  ElProgress,
  ElRadio,
  ElRow,
  ElSelect,
  ElSwitch,
  ElTable,
  ElTableV2,
  ElTabs,
  ElTag,
  ElTimeline,
  ElTree,
} from 'element-plus';

/**
 * The Element Plus components the console uses, registered by name (`<el-button>`…) and `v-loading`: only these are
 * in the bundle, not the whole library (`app.use(ElementPlus)` put all of it into the first screen's JavaScript). A
 * parent registers its parts (ElForm the form item, ElSelect the option and option group, ElTable the column, ElTabs
 * the pane, ElTimeline the item, ElDescriptions the item, ElRadio the group and button, ElContainer the header and
 * main): the parts' own exports install nothing. A template using another `el-*` tag needs it added here; component
 * specs mount with the whole library.
 */
const USED: Plugin[] = [
  ElAlert, ElButton, ElCard, ElCheckbox, ElCol, ElConfigProvider, ElContainer, ElDatePicker, ElDescriptions,
  ElDialog, ElForm, ElInput, ElInputNumber, ElLoading, ElPopconfirm, ElProgress, ElRadio, ElRow, ElSelect, ElSwitch,
  ElTable, ElTableV2, ElTabs, ElTag, ElTimeline, ElTree,
];

export const elementPlus: Plugin = {
  install(app: App) {
    for (const component of USED) app.use(component);
  },
};
