/** The console's texts: zh-CN first, English second. */
export const messages = {
  'zh-CN': {
    app: { title: '网格化治理平台', signOut: '退出', language: 'English' },
    nav: { cases: '事件', supervision: '督办', map: '网格地图' },
    signIn: { title: '演示登录', hint: '开发与演示环境：选择一个演示用户登录（生产环境不提供）。', choose: '以此身份登录', unavailable: '此环境不提供演示登录。' },
    cases: {
      title: '事件列表', status: '状态', category: '类别', all: '全部', search: '查询', more: '加载更多', workOrder: '工单号', grid: '网格',
      unit: '区域', period: '上报时间', from: '开始日期', to: '结束日期', text: '关键词', textHint: '标题、描述、地址或工单号', allOf: '全部小类', supervised: '督办中', view: '显示方式', list: '列表', board: '看板',
      due: '办理时限', overdue: '超期', card: { warning: '提醒', yellow: '黄牌', red: '红牌' }, timeline: '办理过程', actions: '可办理操作', noActions: '当前无可办理操作', back: '返回列表',
    },
    action: { submit: '提交', done: '已办理', reason: '原因', comment: '意见', ownerUnitCode: '承办单位代码', ownerDepartmentCode: '承办部门代码', result: '办理结果', resolution: '处置情况', passed: '核查通过', rating: '评价', intoId: '并入事件', requestedUntil: '申请延期至', approved: '同意' },
    status: { reported: '待受理', accepted: '已受理', rejected: '不予受理', dispatched: '已派遣', in_progress: '处置中', handled: '待核查', closed: '已结案', evaluated: '已评价', cancelled: '已撤销', merged: '已合并' },
    report: {
      title: '上报事件', category: '事件类别', chooseCategory: '选择小类', caseTitle: '标题', description: '事件描述', urgency: '紧急程度', source: '来源', address: '地址',
      point: '事发位置', pickHint: '在地图上点击事发地点。', noPoint: '尚未选点', submit: '上报',
      urgencies: { normal: '一般', urgent: '紧急', emergency: '特急' },
      sources: { patrol: '网格巡查', visit: '走访', hotline: '12345热线', resident: '居民反映', department: '部门移交', party_station: '红色驿站', party_committee: '党组织', other: '其他' },
    },
    supervision: { title: '督办', dueSoon: '即将到期（24小时内）', overdue: '已超期', carded: '已亮牌', escalated: '已升级（红牌）', none: '暂无', byUnit: '各单位情况', open: '在办' },
    map: { title: '网格地图', overview: '网格概况', staff: '网格力量', party: '党组织', stations: '红色驿站', openCases: '在办事件', overdue: '超期', unavailable: '暂不可用', pick: '点击网格查看概况' },
  },
  en: {
    app: { title: 'Grid governance console', signOut: 'Sign out', language: '中文' },
    nav: { cases: 'Cases', supervision: 'Supervision', map: 'Grid map' },
    signIn: { title: 'Demo sign-in', hint: 'Development and demo only: pick a demo user (not offered in production).', choose: 'Sign in as this user', unavailable: 'This platform offers no demo sign-in.' },
    cases: {
      title: 'Cases', status: 'State', category: 'Category', all: 'All', search: 'Search', more: 'Load more', workOrder: 'Work order', grid: 'Grid',
      unit: 'Unit', period: 'Reported', from: 'From', to: 'To', text: 'Text', textHint: 'Title, description, address or work order', allOf: 'all of it', supervised: 'Supervised', view: 'View', list: 'List', board: 'Board',
      due: 'Due', overdue: 'Overdue', card: { warning: 'Warning', yellow: 'Yellow card', red: 'Red card' }, timeline: 'Timeline', actions: 'Actions you may take', noActions: 'No action is open to you', back: 'Back to the list',
    },
    action: { submit: 'Submit', done: 'Done', reason: 'Reason', comment: 'Comment', ownerUnitCode: 'Owner unit code', ownerDepartmentCode: 'Owner department code', result: 'Result', resolution: 'Resolution', passed: 'Verified', rating: 'Rating', intoId: 'Merge into case', requestedUntil: 'Extend until', approved: 'Approved' },
    status: { reported: 'Reported', accepted: 'Accepted', rejected: 'Rejected', dispatched: 'Dispatched', in_progress: 'In progress', handled: 'Handled', closed: 'Closed', evaluated: 'Evaluated', cancelled: 'Cancelled', merged: 'Merged' },
    report: {
      title: 'Report a case', category: 'Category', chooseCategory: 'Choose a category', caseTitle: 'Title', description: 'Description', urgency: 'Urgency', source: 'Source', address: 'Address',
      point: 'Location', pickHint: 'Click the place on the map.', noPoint: 'No point picked yet', submit: 'Report',
      urgencies: { normal: 'Normal', urgent: 'Urgent', emergency: 'Emergency' },
      sources: { patrol: 'Grid patrol', visit: 'Visit', hotline: '12345 hotline', resident: 'Resident', department: 'Department', party_station: 'Red station', party_committee: 'Party committee', other: 'Other' },
    },
    supervision: { title: 'Supervision', dueSoon: 'Due within 24 h', overdue: 'Overdue', carded: 'Carded', escalated: 'Escalated (red card)', none: 'None', byUnit: 'By unit', open: 'Open' },
    map: { title: 'Grid map', overview: 'Grid overview', staff: 'Staff', party: 'Party organisation', stations: 'Red stations', openCases: 'Open cases', overdue: 'Overdue', unavailable: 'unavailable', pick: 'Click a grid for its overview' },
  },
};
