/** Where buyers live: provinces weighted roughly by online retail volume, a few cities each. */
export const PROVINCES: readonly { name: string; weight: number; cities: readonly string[] }[] = [
  { name: '广东省', weight: 14, cities: ['广州市', '深圳市', '东莞市', '佛山市'] },
  { name: '浙江省', weight: 10, cities: ['杭州市', '宁波市', '温州市'] },
  { name: '江苏省', weight: 10, cities: ['南京市', '苏州市', '无锡市'] },
  { name: '上海市', weight: 6, cities: ['上海市'] },
  { name: '北京市', weight: 5, cities: ['北京市'] },
  { name: '山东省', weight: 7, cities: ['济南市', '青岛市', '烟台市'] },
  { name: '四川省', weight: 5, cities: ['成都市', '绵阳市'] },
  { name: '河南省', weight: 5, cities: ['郑州市', '洛阳市'] },
  { name: '湖北省', weight: 4, cities: ['武汉市', '宜昌市'] },
  { name: '福建省', weight: 4, cities: ['福州市', '厦门市', '泉州市'] },
  { name: '湖南省', weight: 3.5, cities: ['长沙市', '株洲市'] },
  { name: '安徽省', weight: 3.5, cities: ['合肥市', '芜湖市'] },
  { name: '河北省', weight: 3, cities: ['石家庄市', '保定市'] },
  { name: '陕西省', weight: 2.5, cities: ['西安市'] },
  { name: '重庆市', weight: 2.5, cities: ['重庆市'] },
  { name: '辽宁省', weight: 2.5, cities: ['沈阳市', '大连市'] },
  { name: '天津市', weight: 2, cities: ['天津市'] },
  { name: '江西省', weight: 2, cities: ['南昌市', '赣州市'] },
  { name: '广西壮族自治区', weight: 2, cities: ['南宁市', '桂林市'] },
  { name: '云南省', weight: 1.5, cities: ['昆明市'] },
];

/** Every (province, city) pair, flattened so a buyer's place is one small integer. */
export const PLACES: readonly { province: string; city: string; weight: number }[] = PROVINCES.flatMap((p) =>
  p.cities.map((city, i) => ({ province: p.name, city, weight: p.weight * (i === 0 ? 0.55 : 0.45 / Math.max(1, p.cities.length - 1)) })),
);

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
