# The metrics application (streams-app.jar). Build from the repository root:
#   docker build -f deploy/docker/streams-app.Dockerfile -t market-metrics/streams-app .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -q -pl streams-app -am package -DskipTests

FROM eclipse-temurin:17-jre
# RocksDB needs a writable state directory that survives restarts: mount a volume here.
RUN mkdir -p /var/lib/market-metrics/state
COPY --from=build /src/streams-app/target/streams-app.jar /opt/market-metrics/streams-app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/opt/market-metrics/streams-app.jar"]
CMD ["run", "--help"]
