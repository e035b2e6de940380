# The UDP Gateway Server daemon of 5-4-ecs-services runs only on instances with this attribute.
echo 'ECS_INSTANCE_ATTRIBUTES={"schedule_gs":"true"}' >> /etc/ecs/ecs.config
