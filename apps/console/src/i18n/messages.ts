/** The console's texts: zh-CN first, English second. */
export const messages = {
  'zh-CN': {
    app: { title: '网格化治理平台', signOut: '退出', language: 'English' },
    nav: { cases: '事件', map: '网格地图' },
    signIn: { title: '演示登录', hint: '开发与演示环境：选择一个演示用户登录（生产环境不提供）。', choose: '以此身份登录', unavailable: '此环境不提供演示登录。' },
    cases: {
      title: '事件列表', status: '状态', category: '类别', all: '全部', search: '查询', more: '加载更多', workOrder: '工单号', grid: '网格',
      due: '办理时限', overdue: '超期', card: { warning: '提醒', yellow: '黄牌', red: '红牌' }, timeline: '办理过程', actions: '可办理操作', noActions: '当前无可办理操作', back: '返回列表',
    },
    action: { submit: '提交', done: '已办理', reason: '原因', comment: '意见', ownerUnitCode: '承办单位代码', ownerDepartmentCode: '承办部门代码', result: '办理结果', resolution: '处置情况', passed: '核查通过', rating: '评价', intoId: '并入事件', requestedUntil: '申请延期至', approved: '同意' },
    map: { title: '网格地图', overview: '网格概况', staff: '网格力量', party: '党组织', stations: '红色驿站', openCases: '在办事件', overdue: '超期', unavailable: '暂不可用', pick: '点击网格查看概况' },
  },
  en: {
    app: { title: 'Grid governance console', signOut: 'Sign out', language: '中文' },
    nav: { cases: 'Cases', map: 'Grid map' },
    signIn: { title: 'Demo sign-in', hint: 'Development and demo only: pick a demo user (not offered in production).', choose: 'Sign in as this user', unavailable: 'This platform offers no demo sign-in.' },
    cases: {
      title: 'Cases', status: 'State', category: 'Category', all: 'All', search: 'Search', more: 'Load more', workOrder: 'Work order', grid: 'Grid',
      due: 'Due', overdue: 'Overdue', card: { warning: 'Warning', yellow: 'Yellow card', red: 'Red card' }, timeline: 'Timeline', actions: 'Actions you may take', noActions: 'No action is open to you', back: 'Back to the list',
    },
    action: { submit: 'Submit', done: 'Done', reason: 'Reason', comment: 'Comment', ownerUnitCode: 'Owner unit code', ownerDepartmentCode: 'Owner department code', result: 'Result', resolution: 'Resolution', passed: 'Verified', rating: 'Rating', intoId: 'Merge into case', requestedUntil: 'Extend until', approved: 'Approved' },
    map: { title: 'Grid map', overview: 'Grid overview', staff: 'Staff', party: 'Party organisation', stations: 'Red stations', openCases: 'Open cases', overdue: 'Overdue', unavailable: 'unavailable', pick: 'Click a grid for its overview' },
  },
};
